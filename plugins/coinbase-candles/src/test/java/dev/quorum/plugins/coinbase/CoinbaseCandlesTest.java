package dev.quorum.plugins.coinbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.ParameterException;
import dev.quorum.api.SourceContext;
import dev.quorum.api.Timeframe;
import dev.quorum.testkit.CoinbaseCandlesServer;
import dev.quorum.testkit.TestClock;
import dev.quorum.testkit.TestParameters;

/**
 * The source against a real HTTP server on loopback that answers as Coinbase Exchange's candles route, serving the
 * embedded real candles (data/candles): the bars delivered are exactly the files' rows, page by page, gaps kept; live
 * bars come only once closed and settled, never the bucket still forming; transient failures are retried; refusals and
 * garbage end the stream with the URL and what was wrong.
 */
class CoinbaseCandlesTest {

    private static final Path CANDLES = Path.of("../../data/candles");
    private static final Timeframe M1 = Timeframe.parse("1m");
    private static final CoinbaseCandles SOURCE = new CoinbaseCandles();

    private static CoinbaseCandlesServer server(Clock clock) {
        return CoinbaseCandlesServer.start(clock).serve("BTC-USD", CANDLES.resolve("coinbase_BTC-USD_1m.csv"))
                .serve("LTC-USD", CANDLES.resolve("coinbase_LTC-USD_1m.csv"));
    }

    private static SourceContext context(CoinbaseCandlesServer server, Clock clock, Object... params) {
        Object[] all = new Object[params.length + 4];
        all[0] = "baseUrl";
        all[1] = server.baseUrl();
        all[2] = "requestsPerSecond";
        all[3] = 10.0;
        System.arraycopy(params, 0, all, 4, params.length);
        return new SourceContext(TestParameters.of(SOURCE.info(), all), clock);
    }

    /** The rows of a candle file in [from, to), as bars. */
    private static List<Bar> rows(String symbol, Instant from, Instant to) throws IOException {
        List<Bar> bars = new ArrayList<>();
        for (String line : Files.readAllLines(CANDLES.resolve("coinbase_" + symbol + "_1m.csv"))) {
            if (line.startsWith("timestamp")) {
                continue;
            }
            String[] f = line.split(",");
            Instant t = Instant.parse(f[0]);
            if (!t.isBefore(from) && t.isBefore(to)) {
                bars.add(new Bar(symbol, M1, t, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        }
        return bars;
    }

    private static List<Bar> drain(BarStream stream) {
        List<Bar> bars = new ArrayList<>();
        try (stream) {
            stream.forEachRemaining(bars::add);
        }
        return bars;
    }

    @Test
    void historyIsEveryRowOfTheFilesInOrderPageByPage() throws IOException {
        Clock after = Clock.fixed(Instant.parse("2018-04-10T00:00:00Z"), ZoneOffset.UTC);
        Instant from = Instant.parse("2018-04-04T00:00:00Z");
        Instant to = Instant.parse("2018-04-05T00:00:00Z");
        try (CoinbaseCandlesServer server = server(after)) {
            List<Bar> got = drain(SOURCE.bars(new BarQuery(List.of("BTC-USD", "LTC-USD"), M1, from, to), context(server, after)));
            List<Bar> expected = new ArrayList<>(rows("BTC-USD", from, to));
            expected.addAll(rows("LTC-USD", from, to));
            expected.sort(java.util.Comparator.comparing(Bar::openTime).thenComparing(b -> b.symbol().equals("BTC-USD") ? 0 : 1));
            assertEquals(expected.size(), got.size());
            assertEquals(expected, got);
            assertTrue(expected.size() < 2 * 1440, "the day has gaps the source must keep as gaps: " + expected.size());
            // 1,440 minutes in windows of at most 299 buckets: 5 requests per product
            assertEquals(10, server.requests().size(), server.requests().toString());
            assertTrue(server.requests().getFirst().matches("/products/BTC-USD/candles\\?granularity=60&start=2018-04-04T00:00:00Z"
                    + "&end=2018-04-04T04:59:00Z"), server.requests().getFirst());
        }
    }

    @Test
    void liveBarsComeOnceClosedAndSettledNeverTheOneForming() throws IOException {
        // a minute of the market in a second of the test's time
        Clock clock = TestClock.running(Instant.parse("2018-04-04T00:10:30Z"), 60);
        Instant from = Instant.parse("2018-04-04T00:00:00Z");
        Instant to = Instant.parse("2018-04-04T00:16:00Z");
        try (CoinbaseCandlesServer server = server(clock);
             BarStream stream = SOURCE.bars(new BarQuery(List.of("BTC-USD"), M1, from, to), context(server, clock, "settleSeconds", 3,
                     "pollSeconds", 0.02))) {
            List<Bar> got = new ArrayList<>();
            List<Instant> deliveredAt = new ArrayList<>();
            while (stream.hasNext()) {
                got.add(stream.next());
                deliveredAt.add(clock.instant());
            }
            assertEquals(rows("BTC-USD", from, to), got, "the closed bars, with the files' values: never a partial one");
            for (int i = 0; i < got.size(); i++) {
                Instant settled = got.get(i).closeTime().plusSeconds(3);
                assertFalse(deliveredAt.get(i).isBefore(settled), got.get(i) + " delivered at " + deliveredAt.get(i) + ", before " + settled);
            }
            // the history up to 00:10 came at once; the five later bars each once it had closed (a minute = 1 s here)
            assertTrue(deliveredAt.getLast().isAfter(Instant.parse("2018-04-04T00:16:02Z")), deliveredAt.toString());
            assertTrue(server.requests().size() >= 6, server.requests().toString());
            assertTrue(server.partialBucketsServed() > 0, "the exchange did show buckets still forming, and none was delivered");
        }
    }

    @Test
    void transientFailuresAreRetriedAndRefusalsNameTheUrlAndTheMessage() {
        Clock after = Clock.fixed(Instant.parse("2018-04-10T00:00:00Z"), ZoneOffset.UTC);
        Instant from = Instant.parse("2018-04-04T00:00:00Z");
        Instant to = Instant.parse("2018-04-04T01:00:00Z");
        try (CoinbaseCandlesServer server = server(after).failNext(429, 503)) {
            List<Bar> got = drain(SOURCE.bars(new BarQuery(List.of("BTC-USD"), M1, from, to), context(server, after)));
            assertEquals(60, got.size());
            assertEquals(3, server.requests().size(), "two failures, then the answer: " + server.requests());

            server.failNext(503, 503);
            IllegalStateException gaveUp = assertThrows(IllegalStateException.class,
                    () -> drain(SOURCE.bars(new BarQuery(List.of("BTC-USD"), M1, from, to), context(server, after, "retries", 1))));
            assertTrue(gaveUp.getMessage().matches("GET http://127\\.0\\.0\\.1:\\d+/products/BTC-USD/candles\\?granularity=60&start=.* answered"
                    + " 503 injected failure 503; gave up after 2 attempt\\(s\\)"), gaveUp.getMessage());

            IllegalStateException unknown = assertThrows(IllegalStateException.class,
                    () -> drain(SOURCE.bars(new BarQuery(List.of("DOGE-USD"), M1, from, to), context(server, after))));
            assertTrue(unknown.getMessage().matches("GET http://127\\.0\\.0\\.1:\\d+/products/DOGE-USD/candles\\?.* answered 404 NotFound"
                    + " \\(is every data.symbols entry a Coinbase product id, such as BTC-USD\\?\\)"), unknown.getMessage());
        }
    }

    @Test
    void garbageAndBadSettingsAreRefusedSayingWhat() throws IOException {
        Clock after = Clock.fixed(Instant.parse("2018-04-10T00:00:00Z"), ZoneOffset.UTC);
        Instant from = Instant.parse("2018-04-04T00:00:00Z");
        Instant to = Instant.parse("2018-04-04T01:00:00Z");
        com.sun.net.httpserver.HttpServer garbage = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        garbage.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().contains("BTC")
                    ? "[[1522800000,\"7000.5\",7010,7001,7005,1.5],[1522800060,\"x\",1,1,1,1]]".getBytes()
                    : "{\"candles\":[]}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        garbage.start();
        try {
            String base = "http://127.0.0.1:" + garbage.getAddress().getPort();
            SourceContext ctx = new SourceContext(TestParameters.of(SOURCE.info(), "baseUrl", base, "requestsPerSecond", 10.0), after);
            IllegalStateException row = assertThrows(IllegalStateException.class,
                    () -> drain(SOURCE.bars(new BarQuery(List.of("BTC-USD"), M1, from, to), ctx)));
            assertTrue(row.getMessage().matches("GET " + Pattern.quote(base) + "/products/BTC-USD/candles\\?.*: row 2 \\[1522800060,\"x\",1,1,1,1\\]"
                    + " is not a candle: low \\(item 2\\) is \"x\", not a number"), row.getMessage());
            IllegalStateException shape = assertThrows(IllegalStateException.class,
                    () -> drain(SOURCE.bars(new BarQuery(List.of("ETH-USD"), M1, from, to), ctx)));
            assertTrue(shape.getMessage().endsWith("answered {\"candles\":[]}: expected an array of [time, low, high, open, close, volume] rows"),
                    shape.getMessage());
        } finally {
            garbage.stop(0);
        }
        SourceContext ftp = new SourceContext(TestParameters.of(SOURCE.info(), "baseUrl", "ftp://example.com"), after);
        ParameterException scheme = assertThrows(ParameterException.class,
                () -> SOURCE.bars(new BarQuery(List.of("BTC-USD"), M1, from, to), ftp));
        assertEquals("parameter baseUrl = ftp://example.com: expected an http(s) URL such as https://api.exchange.coinbase.com", scheme.getMessage());
        IllegalArgumentException h4 = assertThrows(IllegalArgumentException.class,
                () -> SOURCE.bars(new BarQuery(List.of("BTC-USD"), Timeframe.parse("4h"), from, to),
                        new SourceContext(TestParameters.of(SOURCE.info()), after)));
        assertEquals("Coinbase Exchange serves candles of 1m, 5m, 15m, 1h, 6h and 1d, not 4h (data.timeframe)", h4.getMessage());
    }

    @Test
    void aFeedWaitingForItsNextBarStopsWhenInterrupted() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2018-04-04T00:10:30Z"), ZoneOffset.UTC); // the next bar never closes
        try (CoinbaseCandlesServer server = server(clock)) {
            BarStream stream = SOURCE.bars(new BarQuery(List.of("BTC-USD"), M1, Instant.parse("2018-04-04T00:09:00Z"),
                    Instant.parse("2018-04-04T01:00:00Z")), context(server, clock, "pollSeconds", 0.05));
            assertTrue(stream.hasNext());
            assertEquals(Instant.parse("2018-04-04T00:09:00Z"), stream.next().openTime());
            Map<String, Object> outcome = new java.util.concurrent.ConcurrentHashMap<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    outcome.put("hasNext", stream.hasNext());
                } catch (RuntimeException e) {
                    outcome.put("error", e);
                }
            });
            Thread.sleep(300);
            assertTrue(reader.isAlive(), "waits for 00:10 to close");
            reader.interrupt();
            reader.join(2_000);
            assertFalse(reader.isAlive());
            assertTrue(outcome.get("error") instanceof IllegalStateException e && e.getMessage().startsWith("interrupted"), outcome.toString());
            stream.close();
        }
    }
}
