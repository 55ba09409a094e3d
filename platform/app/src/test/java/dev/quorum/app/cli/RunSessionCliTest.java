package dev.quorum.app.cli;

import static dev.quorum.app.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.testkit.CoinbaseCandlesServer;

/**
 * {@code ./quorum run} beyond the replay of stored candles, through the command line on a user's home with the
 * distribution's bundled plugins: a session fed by the bundled {@code coinbase-candles} source from a loopback server
 * answering as Coinbase Exchange (serving the embedded real candles) trades as the backtest of the stored candles does;
 * a session stopped at a time resumes with {@code run --resume} and ends as the uninterrupted backtest; and the mistakes
 * a user can make with them get a message saying what is wrong.
 */
class RunSessionCliTest {

    /** The trade log of the default backtest (RealCandlesBacktestTest pins it). */
    private static final String DEFAULT_BACKTEST = "d5836af38cf2078eb3ff13b880fe4cf2624cc3d78b1698be53f95f987c28afcc";
    private static final Pattern FINISHED = Pattern.compile("session run (\\d+) finished: [\\d,]+ bars, (\\d+) trades, net PnL \\S+;"
            + " trade log sha256 ([0-9a-f]{64})");

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        CliHome.clear();
    }


    private static String hashOf(CliRun r) {
        Matcher m = FINISHED.matcher(r.out);
        assertTrue(m.find(), r.out + r.err);
        return m.group(3);
    }

    @Test
    void aSessionFedByTheCoinbaseSourceOverHttpTradesAsTheBacktestOfTheStoredCandles() throws IOException {
        Clock later = Clock.fixed(Instant.parse("2018-04-10T00:00:00Z"), ZoneOffset.UTC);
        Path candles = CliHome.ROOT.resolve("data/candles");
        try (CoinbaseCandlesServer exchange = CoinbaseCandlesServer.start(later).serve("BTC-USD", candles.resolve("coinbase_BTC-USD_1m.csv"))
                .serve("LTC-USD", candles.resolve("coinbase_LTC-USD_1m.csv"))) {
            CliHome.prepare(dir.resolve("fed"), config -> config.replace("symbols: [BTC-USD, ETH-USD, LTC-USD]", "symbols: [BTC-USD, LTC-USD]")
                    .replace("  # source:\n  #   use: coinbase-candles\n  #   params:\n  #     baseUrl: https://api.exchange.coinbase.com",
                            "  source:\n    use: coinbase-candles\n    params:\n      baseUrl: " + exchange.baseUrl() + "\n      requestsPerSecond: 10"));
            assertTrue(Files.readString(dir.resolve("fed/config/quorum.yaml")).contains("use: coinbase-candles"), "the config names the source");
            CliRun fed = run("run", "--port", "0", "--exit-when-done");
            assertEquals(0, fed.code, fed.out + fed.err);
            assertTrue(fed.out.contains("paper session: BTC-USD, LTC-USD 1m, 2018-04-04 .. 2018-04-06, from data source 'coinbase-candles'"
                    + " as its bars come;"), fed.out);
            String fedHash = hashOf(fed);
            assertTrue(exchange.requests().size() >= 2 * 15, "3 days of minutes in pages of at most 299: " + exchange.requests().size());
            CliHome.clear();

            CliHome.prepare(dir.resolve("stored"), config -> config);
            CliRun stored = run("backtest", "--symbols", "BTC-USD,LTC-USD");
            assertEquals(0, stored.code, stored.out + stored.err);
            Matcher m = Pattern.compile("trade log sha256: ([0-9a-f]{64})").matcher(stored.out);
            assertTrue(m.find(), stored.out);
            assertEquals(m.group(1), fedHash, "the same bars through HTTP give the same trades");
        }
    }

    @Test
    void aSessionStoppedAtATimeResumesWithItsDashboardAndEndsAsTheUninterruptedBacktest() throws IOException {
        CliHome.prepare(dir, config -> config);
        CliRun first = run("run", "--speed", "0", "--port", "0", "--stop-at", "2018-04-05T10:00");
        assertEquals(0, first.code, first.out + first.err);
        assertTrue(first.out.matches("(?s).*\\nsession run 1 stopped at 2018-04-05T10:00:00Z after [\\d,]+ bars, \\d+ trades; resume it with"
                + " \\./quorum run --resume 1 \\(the same options; \\./quorum backtest --resume 1 finishes it without the dashboard\\)\\n.*"),
                first.out);

        CliRun resumed = run("run", "--speed", "0", "--port", "0", "--exit-when-done", "--resume", "1");
        assertEquals(0, resumed.code, resumed.out + resumed.err);
        assertTrue(resumed.out.contains("resuming session run 1: replaying it up to 2018-04-05T10:00:00Z, where it stopped, at full speed,"
                + " then carrying on"), resumed.out);
        assertEquals(DEFAULT_BACKTEST, hashOf(resumed));

        CliRun again = run("run", "--port", "0", "--exit-when-done", "--resume", "1");
        assertEquals(1, again.code, again.out + again.err);
        assertTrue(again.err.contains("run 1 is FINISHED"), again.err);
        CliRun bad = run("run", "--port", "0", "--stop-at", "tomorrow");
        assertEquals(1, bad.code);
        assertTrue(bad.err.contains("--stop-at tomorrow: not a date-time; expected UTC such as 2018-04-05T12:00 or 2018-04-05T12:00:00Z"),
                bad.err);
    }

    @Test
    void anUnknownSourceIsRefusedWithTheSourcesThereAre() throws IOException {
        CliHome.prepare(dir, config -> config.replace("  # source:\n  #   use: coinbase-candles", "  source:\n    use: binance-klines"));
        CliRun r = run("run", "--port", "0", "--exit-when-done");
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.err.contains("data.source: no market data source 'binance-klines' among the started plugins (available: [store (the"
                + " stored candles), coinbase-candles])"), r.err);
    }
}
