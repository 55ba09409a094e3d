package dev.quorum.plugins.coinbase;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/**
 * One product's candles over one window, from {@code GET {base}/products/{product}/candles}. Waits between requests to
 * keep under the rate limit, retries transient failures, and turns the answer's rows into bars, oldest first.
 */
final class CandlesClient {

    private static final Logger LOG = LoggerFactory.getLogger(CandlesClient.class);
    private static final String USER_AGENT = "quorum-coinbase-candles/" + version();
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final URI base;
    private final Duration timeout;
    private final int retries;
    private final long nanosBetweenRequests;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private long lastRequest = Long.MIN_VALUE;

    CandlesClient(URI base, Duration timeout, int retries, double requestsPerSecond) {
        this.base = base;
        this.timeout = timeout;
        this.retries = retries;
        this.nanosBetweenRequests = (long) (1e9 / requestsPerSecond);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The closed and forming buckets whose start is in {@code [from, to)}, oldest first.
     *
     * @param product   the product id, such as {@code BTC-USD}
     * @param timeframe the bucket length
     * @param from      first bucket start, inclusive
     * @param to        last bucket start, exclusive; at most 300 buckets after {@code from}
     * @return the bars, oldest first
     * @throws IllegalStateException when the exchange refuses, answers something that is not candles, or keeps failing
     * @throws InterruptedException  when interrupted while waiting
     */
    List<Bar> candles(String product, Timeframe timeframe, Instant from, Instant to) throws InterruptedException {
        // the API counts both ends (so a window is at most 299 buckets) and may add buckets outside: filtered below
        Instant end = to;
        URI uri = URI.create(base + "/products/" + product + "/candles?granularity=" + timeframe.duration().toSeconds()
                + "&start=" + from + "&end=" + end);
        String body = get(uri);
        List<Bar> bars = new ArrayList<>();
        JsonNode rows;
        try {
            rows = json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " answered what is not JSON: " + e.getMessage() + " (body starts: "
                    + abbreviate(body) + ")", e);
        }
        if (!rows.isArray()) {
            throw new IllegalStateException("GET " + uri + " answered " + abbreviate(body) + ": expected an array of [time, low, high, open,"
                    + " close, volume] rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            try {
                if (!row.isArray() || row.size() < 6) {
                    throw new IllegalArgumentException("expected [time, low, high, open, close, volume]");
                }
                Instant open = Instant.ofEpochSecond(number(row, 0, "time").longValue());
                if (open.isBefore(from) || !open.isBefore(to)) {
                    continue; // the API may add buckets before the asked start
                }
                bars.add(new Bar(product, timeframe, open, number(row, 3, "open").doubleValue(), number(row, 2, "high").doubleValue(),
                        number(row, 1, "low").doubleValue(), number(row, 4, "close").doubleValue(), number(row, 5, "volume").doubleValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("GET " + uri + ": row " + (i + 1) + " " + row + " is not a candle: " + e.getMessage(), e);
            }
        }
        bars.sort(Comparator.comparing(Bar::openTime));
        return bars;
    }

    private static Number number(JsonNode row, int index, String name) {
        JsonNode v = row.get(index);
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isTextual()) {
            try {
                return Double.valueOf(v.textValue());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(name + " (item " + (index + 1) + ") is " + v + ", not a number");
    }

    private String get(URI uri) throws InterruptedException {
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 0; ; attempt++) {
            pace();
            String failure;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                failure = "answered " + status + " " + message(response.body());
                if (status != 429 && status < 500) {
                    throw new IllegalStateException("GET " + uri + " " + failure + (status == 404
                            ? " (is every data.symbols entry a Coinbase product id, such as BTC-USD?)" : ""));
                }
            } catch (HttpTimeoutException e) {
                failure = "timed out after " + timeout.toSeconds() + " s";
            } catch (ConnectException e) {
                failure = "could not connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (javax.net.ssl.SSLException e) {
                throw new IllegalStateException("GET " + uri + " failed: " + e + " (a TLS problem: check baseUrl and the JDK's certificates)", e);
            } catch (IOException e) {
                failure = "failed: " + e; // a connection reset or closed mid-answer
            }
            if (attempt >= retries) {
                throw new IllegalStateException("GET " + uri + " " + failure + "; gave up after " + (attempt + 1) + " attempt(s)");
            }
            LOG.warn("GET {} {}; retrying in {} s ({} of {})", uri, failure, pause.toSeconds(), attempt + 1, retries);
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Shuts the HTTP client down now: a request in flight is aborted. */
    void close() {
        http.shutdownNow();
    }

    /** Keeps requests at least 1/requestsPerSecond apart. */
    private void pace() throws InterruptedException {
        long now = System.nanoTime();
        if (lastRequest != Long.MIN_VALUE) {
            long wait = lastRequest + nanosBetweenRequests - now;
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        lastRequest = System.nanoTime();
    }

    /** The exchange's {@code {"message": ...}}, or the start of the body. */
    private String message(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (IOException e) {
            // not JSON: show it as it is
        }
        return abbreviate(body);
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    private static String version() {
        String v = CandlesClient.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
