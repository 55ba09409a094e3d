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
        defaults = watchingOnly(new ConfigLoader().load(ROOT.resolve("config/quorum.yaml")))
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
        p.put("hedgeDrawdown", 0.0); // hedges have tests of their own (HedgingOnRealCandlesTest)
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

    /**
     * One trade's entry fills, from the fills table: on its symbol and opening side, from its entry to its exit,
     * from the first leg's order on (the legs' orders are numbered together). A previous position's exit can be
     * stamped with the same time as this entry (a stop inside the bar before, stamped with its close time) and
     * lie on the same side: its order is older.
     */
    private static List<double[]> entryFills(long runId, Trade t) {
        List<double[]> fills = new ArrayList<>();
        String sql = "SELECT fill_time, price, quantity, order_id FROM fills WHERE run_id = ? AND symbol = ? AND side = ?"
                + " AND fill_time >= ? AND fill_time <= ? ORDER BY seq";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setString(2, t.symbol());
            ps.setString(3, t.direction() == Direction.LONG ? "BUY" : "SELL");
            ps.setLong(4, t.entryTime().toEpochMilli());
            ps.setLong(5, t.exitTime().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fills.add(new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4)});
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        double entryOpen = bars.get(t.symbol()).get(indexOf(bars.get(t.symbol()), t.entryTime())).open();
        double firstLeg = fills.stream().filter(f -> (long) f[0] == t.entryTime().toEpochMilli() && f[1] == entryOpen)
                .mapToDouble(f -> f[3]).min().orElseThrow(() -> new AssertionError("no first leg at the open of " + t));
        fills.removeIf(f -> f[3] < firstLeg);
        fills.sort(java.util.Comparator.comparingDouble((double[] f) -> f[0]).thenComparingDouble(f -> f[3]));
        return fills;
    }

    private static final java.util.regex.Pattern DCA = java.util.regex.Pattern.compile("DCA (\\d) legs \\(consensus ([0-9.]+)");
    private static final Map<Integer, double[]> SPLITS = Map.of(2, new double[] {60, 40}, 3, new double[] {40, 35, 25},
            4, new double[] {30, 27, 23, 20});

    /** The leg count the seed's confidence bands give, or 0 when the printed consensus is too close to a band's edge to tell. */
    private static int legsFor(double consensus) {
        if (Math.abs(consensus - 0.75) < 0.0006 || Math.abs(consensus - 0.65) < 0.0006) {
            return 0;
        }
        return consensus >= 0.75 ? 2 : consensus >= 0.65 ? 3 : 4;
    }

    @Test
    void dcaLegsFollowTheConsensusAndDelayedLegsFillAtTheOpenOfTheirBar() {
        int spacing = 5;
        BacktestReport report = run(params("dcaMode", "bars", "dcaSpacingBars", spacing));
        Map<Integer, Integer> planned = new HashMap<>();
        int checked = 0;
        for (int i = 0; i < report.trades().size(); i++) {
            Trade t = report.trades().get(i);
            String notes = exitNotes(report.runId()).get(i);
            java.util.regex.Matcher m = DCA.matcher(notes);
            assertTrue(m.find(), "every position is planned in legs: " + notes);
            int legs = Integer.parseInt(m.group(1));
            int band = legsFor(Double.parseDouble(m.group(2)));
            assertTrue(band == 0 || band == legs, "consensus " + m.group(2) + " gives " + band + " legs, planned " + legs);
            planned.merge(legs, 1, Integer::sum);

            List<Bar> list = bars.get(t.symbol());
            int entry = indexOf(list, t.entryTime());
            List<double[]> fills = entryFills(report.runId(), t);
            assertEquals(t.entryTime().toEpochMilli(), (long) fills.get(0)[0], "the first leg fills at the entry");
            double first = fills.get(0)[2];
            double[] split = SPLITS.get(legs);
            int expectedMin = 1;
            int expectedMax = 1;
            for (int k = 1; k < legs; k++) {
                int j = entry + k * spacing;
                if (j >= list.size() || t.exitTime().isBefore(list.get(j).openTime())) {
                    continue; // gone before the leg was due
                }
                expectedMax++;
                if (t.exitTime().isAfter(list.get(j).openTime())) {
                    expectedMin++; // open at that bar's open and after: the leg must have filled there
                    Instant at = list.get(j).openTime();
                    double[] leg = fills.stream().filter(f -> (long) f[0] == at.toEpochMilli()).findFirst().orElse(null);
                    assertNotNull(leg, "leg " + (k + 1) + " of " + t + " fills at the open of bar +" + (k * spacing));
                    assertEquals(list.get(j).open(), leg[1], 0.0, "at the open");
                    assertEquals(first * split[k] / split[0], leg[2], first * 1e-9, "its share of the approved quantity");
                }
            }
            assertTrue(fills.size() >= expectedMin && fills.size() <= expectedMax,
                    fills.size() + " entry fills for " + t + ", expected " + expectedMin + ".." + expectedMax);
            assertTrue(notes.contains("entry legs filled: " + fills.size() + " of " + legs), notes);
            checked++;
        }
        assertTrue(checked > 10);
        assertEquals(3, planned.size(), "the default ensemble's consensus spans all three bands: " + planned);
        noErrors();
    }

    @Test
    void dcaLimitLegsRestAtTheirPriceUntilTouchedAndAreCancelledOnExit() {
        double spacing = 0.002;
        BacktestReport report = run(params("dcaMode", "price", "dcaSpacingPct", spacing, "stopPct", 0.02));
        int limitFills = 0;
        for (int i = 0; i < report.trades().size(); i++) {
            Trade t = report.trades().get(i);
            String notes = exitNotes(report.runId()).get(i);
            java.util.regex.Matcher m = DCA.matcher(notes);
            assertTrue(m.find(), notes);
            int legs = Integer.parseInt(m.group(1));
            List<Bar> list = bars.get(t.symbol());
            int entry = indexOf(list, t.entryTime());
            double ref = list.get(entry - 1).close();
            boolean isLong = t.direction() == Direction.LONG;
            List<double[]> fills = entryFills(report.runId(), t);
            int exitBar = entry;
            while (exitBar + 1 < list.size() && !list.get(exitBar + 1).openTime().isAfter(t.exitTime())) {
                exitBar++;
            }
            for (int k = 1; k < legs; k++) {
                double limit = isLong ? ref * (1 - k * spacing) : ref * (1 + k * spacing);
                boolean touchedBefore = false;
                for (int j = entry; j < exitBar; j++) {
                    touchedBefore |= isLong ? list.get(j).low() <= limit : list.get(j).high() >= limit;
                }
                long filled = fills.stream().skip(1).filter(f -> Math.abs(f[1] - limit) <= limit * 1e-9
                        || (isLong ? f[1] < limit : f[1] > limit)).count();
                if (touchedBefore) {
                    assertTrue(filled > 0, "leg " + (k + 1) + " at " + limit + " was touched before the exit of " + t);
                }
            }
            for (double[] f : fills.subList(1, fills.size())) {
                assertTrue(isLong ? f[1] <= ref * (1 - spacing) * (1 + 1e-12) : f[1] >= ref * (1 + spacing) * (1 - 1e-12),
                        "a limit leg never fills worse than its price: " + f[1] + " for " + t);
                limitFills++;
            }
            assertTrue(notes.contains("entry legs filled: " + fills.size() + " of " + legs), notes);
        }
        assertTrue(limitFills > 0, "some limit legs filled");
        noErrors();
    }

    private static List<String> exitNotes(long runId) {
        List<String> notes = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT exit_notes FROM trades WHERE run_id = ? ORDER BY id")) {
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

    /** The shipped configuration without its learners and health rules: this test is about something else. */
    private static dev.quorum.core.config.QuorumConfig watchingOnly(dev.quorum.core.config.QuorumConfig config) {
        return config.withLearning(config.learning().watchingOnly());
    }
}
