package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Signal;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.journal.JournalSink;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.journal.RunSpec;
import dev.quorum.core.portfolio.EquityPoint;
import dev.quorum.core.risk.RiskChain;
import dev.quorum.core.store.Database;

/**
 * The equity curve as stored in H2 (table {@code equity_curve}) and read back: one point per
 * {@code engine.equityResolution} bucket, after the bucket's last bar, stamped with that bar's close;
 * the last bucket's point after the end-of-data exits; buckets without bars have none; points are
 * written in batches.
 *
 * <pre>
 * fee 0.1% per side, no slippage, resolution 2m, 10,000 cash; the bot goes long whenever it is flat
 * bar  time   open   high   low    close
 * b0   00:00  100    100    100    100    LONG: Q = 10000 / 100.1; stop 98, target 104
 * b1   00:01  100    101    99.5   101    buy Q @ 100 (cash ≈ 0)                     → point 00:02: equity Q·101, exposure Q·101
 * b2   00:02  101    104.5  100.5  104    target: sell Q @ 104; LONG again: Q2 = cash2 / (104 · 1.001)
 * b3   00:03  104    104    104    104    buy Q2 @ 104                                → point 00:04: equity cash3 + Q2·104
 * b4   00:04  105    105    105    105    data ends: sell Q2 @ 105 (END_OF_DATA)       → final point 00:05: equity = cash, exposure 0
 * </pre>
 */
class EquityCurveTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final double FEE = 0.001;

    @TempDir
    Path dir;

    @Test
    void onePointPerBucketAtItsLastBarAndTheFinalPointAfterTheEndOfDataExits() throws Exception {
        List<EquityPoint> curve = run("2m", onceLong(), List.of(bar("X", 0, 100, 100, 100, 100), bar("X", 1, 100, 101, 99.5, 101),
                bar("X", 2, 101, 104.5, 100.5, 104), bar("X", 3, 104, 104, 104, 104), bar("X", 4, 105, 105, 105, 105)));

        double q = 10_000 / (100 * (1 + FEE));
        double cash1 = 10_000 - q * 100 - q * 100 * FEE;
        double cash2 = cash1 + q * 104 - q * 104 * FEE;
        double q2 = cash2 / (104 * (1 + FEE));
        double cash3 = cash2 - q2 * 104 - q2 * 104 * FEE;
        double cash4 = cash3 + q2 * 105 - q2 * 105 * FEE;

        assertEquals(3, curve.size());
        check(curve.get(0), "2020-01-01T00:02:00Z", cash1 + q * 101, cash1, q * 101);
        check(curve.get(1), "2020-01-01T00:04:00Z", cash3 + q2 * 104, cash3, q2 * 104);
        check(curve.get(2), "2020-01-01T00:05:00Z", cash4, cash4, 0);
        assertEquals(10_000 + (104 - 100) * q - q * (100 + 104) * FEE + (105 - 104) * q2 - q2 * (104 + 105) * FEE,
                curve.get(2).equity(), 1e-9, "the final point is the run's final equity");
    }

    @Test
    void aBucketWithoutBarsHasNoPointAndSymbolsShareTheirBuckets() throws Exception {
        // two symbols, bars at minutes 0, 1 and (after a gap) 6, 7: buckets 00:00 and 00:06 of 2m; 00:02 and 00:04 are empty
        List<Bar> bars = new ArrayList<>();
        for (int m : new int[] {0, 1, 6, 7}) {
            bars.add(bar("A", m, 10, 10, 10, 10));
            bars.add(bar("B", m, 20, 20, 20, 20));
        }
        List<EquityPoint> curve = run("2m", view -> Signal.flat(), bars);
        assertEquals(List.of(Instant.parse("2020-01-01T00:02:00Z"), Instant.parse("2020-01-01T00:08:00Z")),
                curve.stream().map(EquityPoint::time).toList());
        curve.forEach(p -> check(p, p.time().toString(), 10_000, 10_000, 0));
    }

    @Test
    void theResolutionDecidesTheCountAndPointsAreWrittenInBatches() throws Exception {
        List<Bar> bars = new ArrayList<>();
        for (int m = 0; m < 1_201; m++) {
            bars.add(bar("X", m, 100, 100, 100, 100));
        }
        List<EquityPoint> perMinute = run("1m", view -> Signal.flat(), bars);
        assertEquals(1_201, perMinute.size(), "more than two batches of " + 500);
        assertEquals(T0.plusSeconds(60L * 1_201), perMinute.get(1_200).time());
        List<EquityPoint> hourly = run("1h", view -> Signal.flat(), bars);
        assertEquals(21, hourly.size(), "20 whole hours and the final point in the 21st");
        assertEquals(Instant.parse("2020-01-01T01:00:00Z"), hourly.get(0).time());
    }

    private List<EquityPoint> run(String resolution, StrategyInstance strategy, List<Bar> bars) throws Exception {
        try (Database db = Database.open(Database.fileUrl(dir.resolve("db-" + resolution + bars.size() + "/quorum")))) {
            RunJournal journal = new RunJournal(db, Clock.systemUTC());
            long runId = journal.begin(new RunSpec("backtest", "{}", List.of("X"), Timeframe.M1, T0, T0.plusSeconds(86_400), 10_000));
            Map<String, SymbolFeed> feeds = new HashMap<>();
            Map<String, StrategyInstance> instances = new HashMap<>();
            for (String s : List.of("X", "A", "B")) {
                feeds.put(s, new SymbolFeed(s, Timeframe.M1, List.of(), 100));
                instances.put(s, strategy);
            }
            Bot bot = new Bot("bot", "bot", "test", instances, 5, (p, w, e) -> { });
            try (JournalSink sink = journal.sink(runId)) {
                new Backtest(new EngineConfig(10_000.0, 0.6, true, 5, 100, 0.02, 0.04, resolution), List.of(bot),
                        new RiskChain(List.of(), (p, w, e) -> { }), feeds, new PaperBroker(FEE), sink)
                        .run(BarStream.of(bars.iterator()), ProgressListener.NONE);
            }
            try (Connection c = db.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM equity_curve WHERE run_id = " + runId)) {
                rs.next();
                assertEquals(journal.equityCurve(runId).size(), rs.getInt(1));
            }
            return journal.equityCurve(runId);
        }
    }

    private static StrategyInstance onceLong() {
        return view -> view.position().isPresent() ? Signal.flat() : Signal.buy(1);
    }

    private static void check(EquityPoint p, String time, double equity, double cash, double exposure) {
        assertEquals(Instant.parse(time), p.time());
        assertEquals(equity, p.equity(), 1e-9, "equity at " + time);
        assertEquals(cash, p.cash(), 1e-9, "cash at " + time);
        assertEquals(exposure, p.exposure(), 1e-9, "exposure at " + time);
    }

    private static Bar bar(String symbol, int minute, double open, double high, double low, double close) {
        return new Bar(symbol, Timeframe.M1, T0.plusSeconds(60L * minute), open, high, low, close, 1);
    }
}
