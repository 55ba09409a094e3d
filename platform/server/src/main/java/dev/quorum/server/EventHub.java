package dev.quorum.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.websocket.WsContext;

/**
 * The dashboard's WebSocket clients and what is pushed to them: each event is one JSON text message
 * {@code {"type": ..., "data": ...}}, serialised once and sent to every client by one sender thread, so that the
 * engine, which publishes, never waits for a slow client. When more than {@value #QUEUE} events wait, new ones are
 * dropped and counted (a client that reconnects reads the current state over REST anyway).
 */
public final class EventHub implements AutoCloseable {

    /** Events that may wait to be sent. */
    static final int QUEUE = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final ObjectMapper json = Json.mapper();
    private final Set<WsContext> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
            r -> {
                Thread t = new Thread(r, "quorum-ws-sender");
                t.setDaemon(true);
                return t;
            }, (r, pool) -> dropped.incrementAndGet());

    /**
     * A client joins: it gets {@code first} (the session now), then every event published after it, in order (both go
     * through the sender thread).
     */
    void join(WsContext client, String first) {
        sender.execute(() -> {
            try {
                client.send(first);
                clients.add(client);
            } catch (RuntimeException e) {
                // gone already
            }
        });
    }

    void leave(WsContext client) {
        clients.remove(client);
    }

    /** @return clients connected now */
    public int clients() {
        return clients.size();
    }

    /**
     * Sends an event to every client, later, on the sender thread.
     *
     * @param type what it is: equity, fill, trade, bot, report, status
     * @param data its content, serialised to JSON now (so later changes to it do not show)
     */
    public void publish(String type, Object data) {
        String text;
        try {
            text = json.writeValueAsString(Map.of("type", type, "data", data));
        } catch (JsonProcessingException e) {
            LOG.warn("cannot serialise a {} event: {}", type, e.getOriginalMessage());
            return;
        }
        published.incrementAndGet();
        sender.execute(() -> { // when QUEUE events wait already, it is dropped and counted (the rejection handler)
            for (WsContext client : clients) {
                try {
                    if (client.session.isOpen()) {
                        client.send(text);
                    }
                } catch (RuntimeException e) {
                    clients.remove(client); // gone; it reconnects if it can
                }
            }
        });
    }

    /** @return events published and dropped so far */
    public Map<String, Long> counts() {
        return Map.of("published", published.get(), "dropped", dropped.get());
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
