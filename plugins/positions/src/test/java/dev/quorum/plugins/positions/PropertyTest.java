package dev.quorum.plugins.positions;

import static dev.quorum.plugins.positions.Fixtures.BTC;
import static dev.quorum.plugins.positions.Fixtures.T0;
import static dev.quorum.plugins.positions.Fixtures.bar;
import static dev.quorum.plugins.positions.Fixtures.intent;
import static dev.quorum.plugins.positions.Fixtures.policy;
import static dev.quorum.plugins.positions.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Bar;
import dev.quorum.api.Direction;
import dev.quorum.api.EntryPlan;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.Position;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.PositionUpdate;
import dev.quorum.plugins.positions.Fixtures.FakeMarket;
import dev.quorum.testkit.TestMarkets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Over thousands of random prices (a seeded {@link Random}, so every run is the same), the manager never
 * proposes what the host would refuse: every stop tightens strictly and lies strictly on the loss side of
 * the close, every target strictly on the profit side, initial levels on their sides of the reference,
 * and no level equal to the current one. A small host stands around it: it opens a position whenever
 * flat, closes it when the close reaches a level or the manager exits, and applies every update.
 */
class PropertyTest {

    private static final int BARS = 3000;
    private static final int WINDOW = 30;

    /** Configurations that exercise every rule. */
    private static final List<Object[]> CONFIGS = List.of(
            new Object[] {},
            new Object[] {"maxBars", 60, "trailMode", "percent", "trailPct", 0.004, "trailActivation", 0.002},
            new Object[] {"maxBars", 30, "breakEvenGain", 0.002, "breakEvenOffset", 0.001, "trailAtr", 1.0, "momentumBars", 3,
                    "highVolatilityFactor", 3.0, "stopMode", "percent", "targetMode", "percent"},
            new Object[] {"maxBars", 200, "trailMode", "off", "breakEvenGain", 0.001, "breakEvenOffset", 0.004,
                    "minStopPct", 0.0, "minTargetPct", 0.0, "useSignalLevels", false},
            new Object[] {"trailAtr", 0.1, "trailActivation", 0.0, "breakEvenGain", 0.0, "highVolatilityAtrPct", 0.0,
                    "highVolatilityFactor", 10.0, "maxTargetPct", 0.99, "targetMode", "percent", "targetPct", 0.9});

    /** What the fake host counts, to show the run exercised the rules. */
    private static final class Counts {
        int opens;
        int stopMoves;
        int targetMoves;
        int exits;
    }

    @Test
    void longsNeverGetARefusedLevel() {
        for (int c = 0; c < CONFIGS.size(); c++) {
            run(Direction.LONG, c, new Random(20_180_405L + c));
        }
    }

    @Test
    void shortsNeverGetARefusedLevel() {
        for (int c = 0; c < CONFIGS.size(); c++) {
            run(Direction.SHORT, c, new Random(19_700_101L + c));
        }
    }

    private static void run(Direction direction, int config, Random random) {
        TestMarkets markets = new TestMarkets(BTC);
        PositionPolicy policy = policy(markets, CONFIGS.get(config));
        int s = direction == Direction.LONG ? 1 : -1;
        Deque<Bar> window = new ArrayDeque<>();
        Counts counts = new Counts();
        double close = 100;
        Position position = null;
        long held = 0;
        OptionalDouble initialStop = OptionalDouble.empty();
        OptionalDouble initialTarget = OptionalDouble.empty();
        for (int i = 0; i < BARS; i++) {
            close *= Math.exp(random.nextGaussian() * 0.004);
            window.addLast(bar(BTC, T0.plusSeconds(60L * i), close));
            if (window.size() > WINDOW) {
                window.removeFirst();
            }
            markets.atr(BTC, 14, random.nextInt(25) == 0 ? Double.NaN : close * random.nextDouble() * 0.01);
            String where = "config " + config + ", " + direction + ", bar " + i + ", close " + close;
            if (position == null) {
                double sl = random.nextBoolean() ? Double.NaN : close * (1 + (random.nextDouble() - 0.5) * 0.2);
                double tp = random.nextBoolean() ? Double.NaN : close * (1 + (random.nextDouble() - 0.5) * 0.2);
                EntryPlan levels = policy.open(intent(BTC, direction, close, sl, tp), portfolio());
                double reference = close;
                levels.stopLoss().ifPresent(stop -> assertTrue(s * (stop - reference) < 0, where + ": " + levels.note()));
                levels.takeProfit().ifPresent(target -> assertTrue(s * (target - reference) > 0, where + ": " + levels.note()));
                // the entry fills at a price near the reference
                double entry = close * (1 + random.nextGaussian() * 0.001);
                position = new Position(BTC, direction, 1, entry, T0.plusSeconds(60L * i), levels.stopLoss(),
                        levels.takeProfit());
                held = 0;
                initialStop = levels.stopLoss();
                initialTarget = levels.takeProfit();
                counts.opens++;
                continue;
            }
            held++;
            if (hit(position.stopLoss(), -s, close) || hit(position.takeProfit(), s, close)) {
                position = null;
                continue;
            }
            ManagedPosition managed = new ManagedPosition(position, held, initialStop, initialTarget, 1.0);
            PositionUpdate update = policy.manage(managed, new FakeMarket(BTC, new ArrayList<>(window)), portfolio());
            if (update.exit().isPresent()) {
                counts.exits++;
                position = null;
                continue;
            }
            OptionalDouble stop = position.stopLoss();
            OptionalDouble target = position.takeProfit();
            if (update.stopLoss().isPresent()) {
                double next = update.stopLoss().getAsDouble();
                if (stop.isPresent()) {
                    assertTrue(s * (next - stop.getAsDouble()) > 0, where + ": stop " + stop + " → " + next + ", " + update.note());
                }
                assertTrue(s * (next - close) < 0, where + ": stop " + next + ", " + update.note());
                stop = update.stopLoss();
                counts.stopMoves++;
            }
            if (update.takeProfit().isPresent()) {
                double next = update.takeProfit().getAsDouble();
                assertTrue(s * (next - close) > 0, where + ": target " + next + ", " + update.note());
                assertNotEquals(target, update.takeProfit(), where + ": " + update.note());
                target = update.takeProfit();
                counts.targetMoves++;
            }
            position = new Position(BTC, direction, 1, position.entryPrice(), position.entryTime(), stop, target);
        }
        String summary = "config " + config + " " + direction + ": " + counts.opens + " opens, " + counts.stopMoves
                + " stop moves, " + counts.targetMoves + " target moves, " + counts.exits + " exits";
        assertTrue(counts.opens >= 10, summary);
        assertTrue(counts.stopMoves + counts.targetMoves + counts.exits >= 50, summary);
    }

    /** Whether the close reached a level: {@code side} −1 for a stop (long: close ≤ stop), +1 for a target. */
    private static boolean hit(OptionalDouble level, int side, double close) {
        return level.isPresent() && side * (close - level.getAsDouble()) >= 0;
    }
}
