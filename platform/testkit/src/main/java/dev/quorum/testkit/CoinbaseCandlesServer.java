package dev.quorum.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers the market-data route of Coinbase Exchange's public REST API,
 * {@code GET /products/{product}/candles?granularity=S&start=ISO&end=ISO}, from candle files, for testing a data source
 * against a real server. It behaves as the documented API does: granularity one of 60, 300, 900, 3600, 21600, 86400
 * (else 400); more than 300 buckets asked for is rejected (400); an unknown product is 404; the answer is an array of
 * {@code [time, low, high, open, close, volume]} rows (time = the bucket's start, epoch seconds), newest first, buckets
 * without trades left out; and, as the real exchange, it includes the bucket still forming at "now" (by its clock), with
 * partial values: a source must not take that one for a closed bar. Failures can be queued to test retries.
 */
public final class CoinbaseCandlesServer implements AutoCloseable {

    /** The granularities the real API accepts, in seconds. */
    private static final Set<Integer> GRANULARITIES = Set.of(60, 300, 900, 3600, 21600, 86400);

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, NavigableMap<Long, double[]>> products = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger partialServed = new AtomicInteger();

    private CoinbaseCandlesServer(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/products/", this::handle);
        server.start();
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param clock its "now": which bucket is still forming, and which buckets exist yet (none after now)
     * @return the running server
     */
    public static CoinbaseCandlesServer start(Clock clock) {
        try {
            return new CoinbaseCandlesServer(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback server", e);
        }
    }

    /**
     * Serves a product's one-minute candles from a file in Quorum's candle format ({@code timestamp,open,high,low,close,volume},
     * open time ISO-8601 UTC, a header line); coarser granularities are aggregated from them.
     *
     * @param product the product id, such as {@code BTC-USD}
     * @param csv     the file
     * @return this server
     */
    public CoinbaseCandlesServer serve(String product, Path csv) {
        NavigableMap<Long, double[]> bars = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("timestamp")) {
                    continue;
                }
                String[] f = line.split(",");
                bars.put(Instant.parse(f[0]).getEpochSecond(), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        products.put(product, bars);
        return this;
    }

    /**
     * Makes the next requests fail, one status per request, in order (such as 429, then 503).
     *
     * @param statuses HTTP statuses
     * @return this server
     */
    public CoinbaseCandlesServer failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(s);
        }
        return this;
    }

    /** Drops the failures queued with {@link #failNext} that have not happened yet. */
    public void clearFailures() {
        failures.clear();
    }

    /** @return the base URL, such as {@code http://127.0.0.1:41234} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the path and query of every request so far, in order */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** @return how many answers included a bucket still forming */
    public int partialBucketsServed() {
        return partialServed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            requests.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            Integer failure = failures.isEmpty() ? null : failures.removeFirst();
            if (failure != null) {
                send(exchange, failure, "{\"message\":\"injected failure " + failure + "\"}");
                return;
            }
            String[] parts = uri.getRawPath().split("/");
            if (!exchange.getRequestMethod().equals("GET") || parts.length != 4 || !parts[3].equals("candles")) {
                send(exchange, 404, "{\"message\":\"NotFound\"}");
                return;
            }
            NavigableMap<Long, double[]> minutes = products.get(URLDecoder.decode(parts[2], StandardCharsets.UTF_8));
            if (minutes == null) {
                send(exchange, 404, "{\"message\":\"NotFound\"}");
                return;
            }
            Map<String, String> query = query(uri.getRawQuery());
            int granularity;
            long start;
            long end;
            try {
                granularity = Integer.parseInt(query.getOrDefault("granularity", "60"));
                start = Instant.parse(query.get("start")).getEpochSecond();
                end = Instant.parse(query.get("end")).getEpochSecond();
            } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
                send(exchange, 400, "{\"message\":\"invalid start, end or granularity\"}");
                return;
            }
            if (!GRANULARITIES.contains(granularity)) {
                send(exchange, 400, "{\"message\":\"Unsupported granularity\"}");
                return;
            }
            if ((end - start) / granularity > 300) {
                send(exchange, 400, "{\"message\":\"granularity too small for the requested time range. Count of aggregations"
                        + " requested exceeds 300\"}");
                return;
            }
            send(exchange, 200, candles(minutes, granularity, start, end));
        }
    }

    /** The buckets whose start is in [start, end], newest first; the one forming at now with its partial values. */
    private String candles(NavigableMap<Long, double[]> minutes, int granularity, long start, long end) {
        long now = clock.instant().getEpochSecond();
        long first = Math.floorDiv(start, granularity) * granularity;
        Map<Long, double[]> buckets = new HashMap<>();
        List<Long> times = new ArrayList<>();
        long last = Math.min(end + granularity - 1, now);
        for (Map.Entry<Long, double[]> e : last < first ? List.<Map.Entry<Long, double[]>>of()
                : minutes.subMap(first, true, last, true).entrySet()) {
            long minute = e.getKey();
            long bucket = Math.floorDiv(minute, granularity) * granularity;
            if (bucket > end) {
                continue;
            }
            boolean forming = bucket + granularity > now;
            if (forming && minute + 60 > now) {
                // the minute in progress: a real exchange has seen only some of its trades
                double[] v = e.getValue();
                e = Map.entry(minute, new double[] {v[0], Math.max(v[0], v[3]), Math.min(v[0], v[3]), v[3], v[4] / 2});
            }
            double[] v = e.getValue();
            double[] b = buckets.get(bucket);
            if (b == null) {
                buckets.put(bucket, v.clone());
                times.add(bucket);
            } else {
                b[1] = Math.max(b[1], v[1]);
                b[2] = Math.min(b[2], v[2]);
                b[3] = v[3];
                b[4] += v[4];
            }
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = times.size() - 1; i >= 0; i--) {
            long t = times.get(i);
            double[] b = buckets.get(t);
            if (t + granularity > now) {
                partialServed.incrementAndGet();
            }
            if (json.length() > 1) {
                json.append(',');
            }
            // [time, low, high, open, close, volume]
            json.append(String.format(Locale.ROOT, "[%d,%s,%s,%s,%s,%s]", t, num(b[2]), num(b[1]), num(b[0]), num(b[3]), num(b[4])));
        }
        return json.append(']').toString();
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
    }
}
