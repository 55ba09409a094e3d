package dev.quorum.scripting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload for a long-running session: looks at each running script's file (every interval on a
 * daemon thread, or when {@link #poll()} is called) and, when its text changed, checks the new text
 * in a throwaway context; a valid version is handed to its {@link ScriptStrategy}, which switches at
 * the next bar; a broken one is reported and the last good version keeps running; a deleted file
 * retires the script's bots. Each outcome goes to the {@link Listener}.
 */
public final class ScriptReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScriptReloader.class);

    /** What the reloader did. Called on the thread that polled. */
    public interface Listener {
        /**
         * @param script the script, now holding the new version
         */
        void reloaded(ScriptStrategy script);

        /**
         * @param script the script, still running its last good version
         * @param error  why the edit was not taken
         */
        void rejected(ScriptStrategy script, ScriptException error);

        /**
         * @param script the script whose file is gone; its bots vote FLAT from their next bar
         */
        void retired(ScriptStrategy script);
    }

    private final ScriptRuntime runtime;
    private final List<ScriptStrategy> scripts;
    private final Listener listener;
    private final Map<ScriptStrategy, String> seen = new HashMap<>();
    private Thread thread;
    private volatile boolean closed;

    /**
     * @param runtime  the runtime that checks new versions
     * @param scripts  the running scripts (those without a file are ignored)
     * @param listener told what happened
     */
    public ScriptReloader(ScriptRuntime runtime, List<ScriptStrategy> scripts, Listener listener) {
        this.runtime = runtime;
        this.scripts = List.copyOf(scripts);
        this.listener = listener;
        for (ScriptStrategy s : this.scripts) {
            seen.put(s, s.definition().text());
        }
    }

    /** Checks every file once, now, on the calling thread. */
    public synchronized void poll() {
        for (ScriptStrategy s : scripts) {
            Path file = s.definition().file();
            if (file == null || s.isRetired()) {
                continue;
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                s.retire(s.definition().displayName() + " was deleted");
                log.info("script {}: file deleted; its bots vote FLAT from their next bar", s.definition().displayName());
                listener.retired(s);
                continue;
            } catch (IOException e) {
                continue; // being written: the next look will see it
            }
            if (text.equals(seen.get(s))) {
                continue;
            }
            seen.put(s, text);
            try {
                s.reload(ScriptDefinition.of(runtime, file, s.definition().displayName(), text));
                log.info("script {}: reloaded; its bots switch at their next bar", s.definition().displayName());
                listener.reloaded(s);
            } catch (ScriptException e) {
                log.info("script {}: the edit is not valid, the last good version keeps running: {}", s.definition().displayName(),
                        e.oneLine());
                listener.rejected(s, e);
            }
        }
    }

    /**
     * Polls every {@code interval} on a daemon thread until closed.
     *
     * @param interval time between looks
     */
    public void start(Duration interval) {
        Thread t = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(interval.toMillis());
                    poll();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("script reload check failed: {}", e.toString());
                }
            }
        }, "quorum-script-reloader");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
