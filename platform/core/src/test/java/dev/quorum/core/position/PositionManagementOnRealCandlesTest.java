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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.PositionsConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.plugin.PluginHealth;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * The bundled position manager ({@code adaptive-exits}, plugin {@code positions}, loaded from its real zip)
 * on the embedded candles with the default bots: for every trade, an independent replay of its symbol's
 * bars ({@link ExitPath}) says on which bar, at which price and why it should have closed, and the stored
 * trade must agree exactly: a stop-loss, a trailing stop, a break-even move, a time exit and a layered
 * take-profit, each on the bar it should happen. A trade the bots closed first (an opposite consensus, the
 * end of the data) must not have outlived the replay's exit.
 */
class PositionManagementOnRealCandlesTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();
    private static final Set<ExitReason> MANAGED_EXITS = Set.of(ExitReason.STOP_LOSS, ExitReason.TRAILING_STOP,
            ExitReason.TAKE_PROFIT, ExitReason.TIME_EXIT);

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static QuorumConfig defaults;
    private static Map<String, List<Bar>> bars;

    @BeforeAll
    static void start() throws Exception {
        host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "positions"));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        defaults = new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"))
                .withRisk(List.of(new RiskConfig(null, "fixed-fraction", Map.of("fraction", 0.25))));
        new BacktestRunner(db, host, ROOT, Clock.systemUTC()).ensureCandles(defaults, new CandleStore(db), Timeframe.M1);
        bars = new HashMap<>();
        Instant from = defaults.data().fromDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = defaults.data().toDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (String symbol : defaults.data().symbols()) {
            List<Bar> list = new ArrayList<>();
            try (BarStream s = new CandleStore(db).bars(new BarQuery(List.of(symbol), Timeframe.M1, from, to))) {
                while (s.hasNext()) {
                    list.add(s.next());
                }
            }
            bars.put(symbol, list);
        }
    }

    @AfterAll
    static void stop() {
        host.close();
        db.close();
    }

    /** The manager's parameters shared by every test: percent levels, nothing but what a test switches on. */
    private static Map<String, Object> params(Object... overrides) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("stopMode", "percent");
        p.put("stopPct", 0.01);
        p.put("targetMode", "percent");
        p.put("targetPct", 0.10);
        p.put("useSignalLevels", false);
        p.put("trailMode", "off");
        p.put("breakEvenGain", 0.0);
        p.put("maxBars", 0);
        p.put("layers", false);
        for (int i = 0; i < overrides.length; i += 2) {
            p.put((String) overrides[i], overrides[i + 1]);
        }
        return p;
    }

    private static BacktestReport run(Map<String, Object> params) {
        return new BacktestRunner(db, host, ROOT, Clock.systemUTC())
                .run(defaults.withPositions(new PositionsConfig("adaptive-exits", params)), ProgressListener.NONE);
    }

    /** The test's statement of the manager's rule for one trade. */
    private interface RuleFor {
        ExitPath.Rule of(Trade trade);
    }

    /** Checks every trade of a run against the replay; returns how many closed for each reason. */
    private static Map<ExitReason, Integer> check(BacktestReport report, double stopPct, double targetPct, RuleFor rule) {
        Map<ExitReason, Integer> reasons = new HashMap<>();
        assertFalse(report.trades().isEmpty());
        for (Trade t : report.trades()) {
            List<Bar> list = bars.get(t.symbol());
            int entry = indexOf(list, t.entryTime());
            assertTrue(entry > 0, "the entry filled at a bar's open, after its decision bar: " + t);
            double ref = list.get(entry - 1).close();
            boolean isLong = t.direction() == Direction.LONG;
            double stop = isLong ? ref * (1 - stopPct) : ref * (1 + stopPct);
            double target = isLong ? ref * (1 + targetPct) : ref * (1 - targetPct);
            ExitPath.Exit expected = ExitPath.replay(list, entry, t.direction(), stop, target, rule.of(t));
            if (MANAGED_EXITS.contains(t.exitReason())) {
                assertNotNull(expected, "the replay finds no exit for " + t);
                assertEquals(expected.reason(), t.exitReason(), "reason of " + t);
                assertEquals(expected.time(), t.exitTime(), "bar of " + t);
                assertEquals(expected.price(), t.exitPrice(), Math.abs(expected.price()) * 1e-12, "price of " + t);
            } else if (expected != null) {
                assertFalse(expected.time().isBefore(t.exitTime()), "the replay closes " + t + " earlier, at " + expected);
            }
            reasons.merge(t.exitReason(), 1, Integer::sum);
        }
        return reasons;
    }

    private static ExitPath.Answer keep(double stop, double target) {
        return new ExitPath.Answer(stop, target, null);
    }

    private static void noErrors() {
        assertEquals(PluginHealth.STARTED, host.statuses().stream().filter(s -> s.id().equals("positions")).findFirst()
                .orElseThrow().health(), "the manager never proposed what the host refuses");
    }

    @Test
    void theInitialStopAndTargetCloseTradesOnTheBarsTheyAreReached() {
        BacktestReport report = run(params("targetPct", 0.006));
        Map<ExitReason, Integer> reasons = check(report, 0.01, 0.006, t -> ExitPath.Rule.KEEP);
        assertTrue(reasons.getOrDefault(ExitReason.STOP_LOSS, 0) > 0, reasons.toString());
        assertTrue(reasons.getOrDefault(ExitReason.TAKE_PROFIT, 0) > 0, reasons.toString());
        noErrors();
    }

    @Test
    void aTrailingStopFollowsTheCloseUpOnlyAndClosesOnTheBarThatReachesIt() {
        double trail = 0.004;
        BacktestReport report = run(params("trailMode", "percent", "trailPct", trail, "trailActivation", 0.0));
        Map<ExitReason, Integer> reasons = check(report, 0.01, 0.10, t -> (held, bar, stop, target) -> {
            boolean isLong = t.direction() == Direction.LONG;
            double gain = isLong ? (bar.close() - t.entryPrice()) / t.entryPrice() : (t.entryPrice() - bar.close()) / t.entryPrice();
            if (gain < 0) { // trailActivation 0: the trail runs while the position is not at a loss
                return keep(stop, target);
            }
            double candidate = isLong ? bar.close() * (1 - trail) : bar.close() * (1 + trail);
            boolean tighter = isLong ? candidate > stop && candidate < bar.close() : candidate < stop && candidate > bar.close();
            return keep(tighter ? candidate : stop, target);
        });
        assertTrue(reasons.getOrDefault(ExitReason.TRAILING_STOP, 0) > 0, reasons.toString());
        noErrors();
    }

    @Test
    void aBreakEvenMoveHappensOnTheBarTheGainIsReached() {
        double gain = 0.003;
        double offset = 0.002;
        BacktestReport report = run(params("breakEvenGain", gain, "breakEvenOffset", offset));
        Map<ExitReason, Integer> reasons = check(report, 0.01, 0.10, t -> (held, bar, stop, target) -> {
            boolean isLong = t.direction() == Direction.LONG;
            double g = isLong ? (bar.close() - t.entryPrice()) / t.entryPrice() : (t.entryPrice() - bar.close()) / t.entryPrice();
            if (g < gain) {
                return keep(stop, target);
            }
            double candidate = isLong ? t.entryPrice() * (1 + offset) : t.entryPrice() * (1 - offset);
            boolean tighter = isLong ? candidate > stop && candidate < bar.close() : candidate < stop && candidate > bar.close();
            return keep(tighter ? candidate : stop, target);
        });
        assertTrue(reasons.getOrDefault(ExitReason.TRAILING_STOP, 0) > 0, "some stops moved to break-even and were hit: " + reasons);
        noErrors();
    }

    @Test
    void aTimeExitClosesAfterExactlyMaxBars() {
        int maxBars = 30;
        BacktestReport report = run(params("maxBars", maxBars));
        Map<ExitReason, Integer> reasons = check(report, 0.01, 0.10, t -> (held, bar, stop, target) ->
                held >= maxBars ? new ExitPath.Answer(stop, target, ExitReason.TIME_EXIT) : keep(stop, target));
        assertTrue(reasons.getOrDefault(ExitReason.TIME_EXIT, 0) > 0, reasons.toString());
        noErrors();
    }

    @Test
    void aLayeredTakeProfitTightensAsTheTimeLimitNearsAndExitsWhenThePriceIsThere() {
        int maxBars = 60;
        double targetPct = 0.004;
        BacktestReport report = run(params("maxBars", maxBars, "targetPct", targetPct, "layers", true,
                "highVolatilityAtrPct", 1.0, "momentumFactor", 1.0, "timeUrgentShare", 0.134, "timeNearShare", 0.267,
                "timeUrgentFactor", 0.2, "timeNearFactor", 0.5));
        Map<ExitReason, Integer> reasons = check(report, 0.01, targetPct, t -> {
            boolean isLong = t.direction() == Direction.LONG;
            double[] base = {Double.NaN};
            return (held, bar, stop, target) -> {
                if (Double.isNaN(base[0])) {
                    // the initial target's distance from the entry price, on the profit side
                    base[0] = isLong ? target - t.entryPrice() : t.entryPrice() - target;
                }
                if (held >= maxBars) {
                    return new ExitPath.Answer(stop, target, ExitReason.TIME_EXIT);
                }
                if (base[0] <= 0) { // the entry filled beyond its target: nothing to layer
                    return keep(stop, target);
                }
                double share = (double) (maxBars - held) / maxBars;
                double f = share < 0.134 ? 0.2 : share < 0.267 ? 0.5 : 1.0;
                double layered = isLong ? t.entryPrice() + base[0] * f : t.entryPrice() - base[0] * f;
                if (isLong ? layered <= bar.close() : layered >= bar.close()) {
                    return new ExitPath.Answer(stop, target, ExitReason.TAKE_PROFIT);
                }
                return keep(stop, layered);
            };
        });
        assertTrue(reasons.getOrDefault(ExitReason.TAKE_PROFIT, 0) > 0, reasons.toString());
        noErrors();
        // the applied layers are stored with the exit
        assertTrue(exitNotes(report.runId()).stream().anyMatch(n -> n.contains("time 0.5") || n.contains("time 0.2")),
                "some exit notes name the time layer");
    }

    private static List<String> exitNotes(long runId) {
        List<String> notes = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT exit_notes FROM trades WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notes.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return notes;
    }

    private static int indexOf(List<Bar> list, Instant openTime) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).openTime().equals(openTime)) {
                return i;
            }
        }
        return -1;
    }
}
