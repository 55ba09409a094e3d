package dev.quorum.core.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.ExitReason;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.config.PositionsConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.plugin.PluginHealth;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.portfolio.EquityPoint;
import dev.quorum.core.store.Database;

/**
 * The bundled manager's portfolio hedge ({@code adaptive-exits}, plugin {@code positions}, from its real zip) on
 * the embedded BTC-USD candles with the default bots, each position taking all the equity so that drawdowns
 * reach the thresholds. One symbol and a 1-minute equity curve make the stored curve the exact equity the
 * manager saw after every bar, so an independent walk over it says on which bar each hedge must open and
 * close; the stored trades must agree: a hedge opens on the first bar whose drawdown from the peak reaches
 * the trigger while its position is open and unhedged (filling at the next bar's open), takes half the
 * position, opposite, and closes on the first bar whose drawdown is back at the release level, or on the bar
 * after its position closed, or at the end of the data. (The thresholds are lower than the defaults, 10% and
 * 5%, so that both ways of closing happen on these three days.)
 */
class HedgingOnRealCandlesTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();
    private static final double TRIGGER = 0.005;
    private static final double RELEASE = 0.003;
    private static final Duration BAR = Duration.ofMinutes(1);
    private static final Pattern OPENED = Pattern.compile("drawdown ([0-9.]+)% \\(equity ([0-9.]+), peak ([0-9.]+)\\) ≥");

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static BacktestReport report;
    private static List<EquityPoint> curve;
    private static Map<Long, String> exitNotes;

    @BeforeAll
    static void run() throws Exception {
        host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "positions"));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        QuorumConfig defaults = watchingOnly(new ConfigLoader().load(ROOT.resolve("config/quorum.yaml")));
        EngineConfig e = defaults.engine();
        QuorumConfig config = new QuorumConfig(defaults.data().with(List.of("BTC-USD"), null, null),
                new EngineConfig(e.initialCash(), e.consensusThreshold(), e.allowShort(), e.maxBotErrors(), e.historyBars(),
                        e.stopLoss(), e.takeProfit(), "1m"),
                defaults.broker(), defaults.storage(), defaults.bots(),
                List.of(new RiskConfig(null, "fixed-fraction", Map.of("fraction", 1.0))), defaults.scripts(), defaults.reports(),
                defaults.server(), new PositionsConfig("adaptive-exits", params()));
        BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
        runner.ensureCandles(config, new CandleStore(db), Timeframe.M1);
        report = runner.run(config, ProgressListener.NONE);
        curve = new RunJournal(db, Clock.systemUTC()).equityCurve(report.runId());
        exitNotes = new HashMap<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id, exit_notes FROM trades WHERE run_id = ?")) {
            ps.setLong(1, report.runId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    exitNotes.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
    }

    private static Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("stopMode", "percent");
        p.put("stopPct", 0.01);
        p.put("targetMode", "percent");
        p.put("targetPct", 0.03);
        p.put("useSignalLevels", false);
        p.put("trailMode", "off");
        p.put("breakEvenGain", 0.0);
        p.put("layers", false);
        p.put("hedgeDrawdown", TRIGGER);
        p.put("hedgeShare", 0.5);
        p.put("hedgeRelease", RELEASE);
        return p;
    }

    @AfterAll
    static void stop() {
        host.close();
        db.close();
    }

    private static List<Trade> hedges() {
        return report.trades().stream().filter(Trade::hedge).toList();
    }

    /** The position a hedge protected: same symbol, opposite direction, open when the hedge opened. */
    private static Trade hedged(Trade hedge) {
        return report.trades().stream()
                .filter(t -> !t.hedge() && t.direction() == hedge.direction().opposite()
                        && t.entryTime().isBefore(hedge.entryTime()) && !t.exitTime().isBefore(hedge.entryTime().minus(BAR)))
                .findFirst().orElseThrow(() -> new AssertionError("no position that " + hedge + " hedged"));
    }

    /** The drawdown from the peak at each point of the curve, the peak starting at the initial equity. */
    private static Map<Instant, Double> drawdowns() {
        Map<Instant, Double> dd = new LinkedHashMap<>();
        double peak = 10_000;
        for (EquityPoint p : curve) {
            peak = Math.max(peak, p.equity());
            dd.put(p.time(), Math.max(0, (peak - p.equity()) / peak));
        }
        return dd;
    }

    @Test
    void hedgesHappenAndAreStoredAsHedges() {
        assertFalse(hedges().isEmpty(), "a 0.5% drawdown is reached on these days with full-equity positions");
        for (Trade h : hedges()) {
            assertTrue(h.bots().isEmpty(), "a hedge has no voters: " + h);
            assertTrue(h.exitReason() == ExitReason.HEDGE_RELEASED || h.exitReason() == ExitReason.END_OF_DATA, h.toString());
            assertTrue(exitNotes.get(h.id()).startsWith("hedge of "), exitNotes.get(h.id()));
        }
        assertTrue(report.tradeLogSha256().length() == 64);
        assertEquals(PluginHealth.STARTED, host.statuses().stream().filter(s -> s.id().equals("positions")).findFirst()
                .orElseThrow().health(), "the manager never asked for a hedge the host refuses");
    }

    @Test
    void aHedgeIsHalfItsPositionOppositeAndLivesInsideIt() {
        for (Trade h : hedges()) {
            Trade p = hedged(h);
            assertEquals(p.quantity() * 0.5, h.quantity(), p.quantity() * 1e-12, h + " hedges " + p);
            assertFalse(h.exitTime().isAfter(p.exitTime().plus(BAR)), h + " outlived " + p);
        }
    }

    @Test
    void aHedgeOpensOnTheFirstBarWhoseDrawdownReachesTheTrigger() {
        Map<Instant, Double> dd = drawdowns();
        Instant previousHedgeExit = Instant.MIN;
        for (Trade h : hedges()) {
            Trade p = hedged(h);
            // the hedge's market order filled at the open of the bar after its decision bar
            Instant decided = decisionBefore(dd, h.entryTime());
            assertNotNull(dd.get(decided), "an equity point at the decision bar's close " + decided);
            assertTrue(dd.get(decided) >= TRIGGER, "drawdown " + dd.get(decided) + " at " + decided);
            // no earlier bar of the position (since it opened, or since its last hedge closed) reached the trigger
            Instant from = p.entryTime().isAfter(previousHedgeExit) ? p.entryTime() : previousHedgeExit;
            for (Map.Entry<Instant, Double> e : dd.entrySet()) {
                if (e.getKey().isAfter(from) && e.getKey().isBefore(decided)) {
                    assertTrue(e.getValue() < TRIGGER, "the hedge of " + p + " should have opened after the bar closing at "
                            + e.getKey() + " (drawdown " + e.getValue() + "), not at " + decided);
                }
            }
            Matcher m = OPENED.matcher(exitNotes.get(h.id()));
            assertTrue(m.find(), exitNotes.get(h.id()));
            assertEquals(dd.get(decided) * 100, Double.parseDouble(m.group(1)), 0.005, "the note's drawdown");
            previousHedgeExit = h.exitTime();
        }
    }

    @Test
    void aHedgeClosesOnTheFirstBarBackAtTheReleaseLevelOrAfterItsPosition() {
        Map<Instant, Double> dd = drawdowns();
        int byDrawdown = 0;
        int byPosition = 0;
        for (Trade h : hedges()) {
            Trade p = hedged(h);
            String notes = exitNotes.get(h.id());
            // the first bar, from the one the hedge filled on, whose drawdown is back at the release level
            Instant released = null;
            for (Map.Entry<Instant, Double> e : dd.entrySet()) {
                if (e.getKey().isAfter(h.entryTime()) && e.getValue() <= RELEASE) {
                    released = e.getKey();
                    break;
                }
            }
            if (h.exitReason() == ExitReason.END_OF_DATA) {
                assertEquals(report.result().lastBar(), h.exitTime(), h.toString());
                continue;
            }
            if (notes.contains("released: the hedged position closed")) {
                byPosition++;
                assertTrue(notes.contains("(" + p.exitReason() + ")"), notes);
                // sent on the bar the position's exit filled on (at its open, or inside it: stamped with its close),
                // filled at the next bar's open
                Instant sent = decisionBefore(dd, h.exitTime());
                assertTrue(sent.equals(firstPoint(dd, p.exitTime(), true)) || sent.equals(firstPoint(dd, p.exitTime(), false)),
                        h + " after " + p);
                assertTrue(released == null || !released.isBefore(p.exitTime().minus(BAR)),
                        "the drawdown rule should have released " + h + " at " + released);
            } else {
                byDrawdown++;
                assertTrue(notes.contains("released: drawdown "), notes);
                assertNotNull(released, h.toString());
                assertEquals(released, decisionBefore(dd, h.exitTime()), "the release bar of " + h);
            }
        }
        assertTrue(byDrawdown > 0 && byPosition > 0, "hedges closed by " + byDrawdown + " drawdown releases and " + byPosition
                + " position exits");
    }

    /** The close of the last bar before a fill at a bar's open: the bar on which the order was decided. */
    private static Instant decisionBefore(Map<Instant, Double> dd, Instant fillAtOpen) {
        Instant last = null;
        for (Instant close : dd.keySet()) {
            if (close.isAfter(fillAtOpen)) {
                break;
            }
            last = close;
        }
        assertNotNull(last, "a bar before " + fillAtOpen);
        return last;
    }

    /** The first bar closing at or after (or strictly after) a time. */
    private static Instant firstPoint(Map<Instant, Double> dd, Instant t, boolean inclusive) {
        for (Instant close : dd.keySet()) {
            if (inclusive ? !close.isBefore(t) : close.isAfter(t)) {
                return close;
            }
        }
        return null;
    }

    /** The shipped configuration without its learners and health rules: this test is about something else. */
    private static dev.quorum.core.config.QuorumConfig watchingOnly(dev.quorum.core.config.QuorumConfig config) {
        return config.withLearning(config.learning().watchingOnly());
    }
}
