package dev.quorum.plugins.positions;

import static dev.quorum.plugins.positions.Fixtures.BTC;
import static dev.quorum.plugins.positions.Fixtures.ETH;
import static dev.quorum.plugins.positions.Fixtures.LTC;
import static dev.quorum.plugins.positions.Fixtures.intent;
import static dev.quorum.plugins.positions.Fixtures.policy;
import static dev.quorum.plugins.positions.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.EntryPlan;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.PositionPolicy;
import dev.quorum.testkit.TestMarkets;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@code open}: initial levels from ATRs, percentages or the voters' levels, clamped. */
class InitialLevelsTest {

    private static final double EPS = 1e-9;

    private final TestMarkets markets = new TestMarkets(BTC, ETH);

    private EntryPlan open(PositionPolicy policy, OrderIntent intent) {
        return policy.open(intent, portfolio());
    }

    private static void assertLevels(double stop, double target, EntryPlan levels) {
        assertEquals(stop, levels.stopLoss().orElseThrow(), EPS, "stop");
        assertEquals(target, levels.takeProfit().orElseThrow(), EPS, "target");
    }

    @Test
    void atrModeLong() {
        markets.atr(BTC, 14, 0.5);
        EntryPlan levels = open(policy(markets), intent(Direction.LONG, 100));
        // stop 2 × 0.5 = 1.00 = 1%, target 4 × 0.5 = 2.00 = 2%
        assertLevels(99, 102, levels);
        assertEquals("stop 2.0 ATR = 1.00% at 99.00, target 4.0 ATR = 2.00% at 102.00", levels.note());
    }

    @Test
    void atrModeShortIsTheMirror() {
        markets.atr(BTC, 14, 0.5);
        EntryPlan levels = open(policy(markets), intent(Direction.SHORT, 100));
        assertLevels(101, 98, levels);
        assertEquals("stop 2.0 ATR = 1.00% at 101.00, target 4.0 ATR = 2.00% at 98.00", levels.note());
    }

    @Test
    void theAtrPeriodAndMultiplesAreConfigurable() {
        markets.atr(BTC, 20, 40);
        EntryPlan levels = open(policy(markets, "atrPeriod", 20, "stopAtr", 1.5, "targetAtr", 3.25),
                intent(Direction.LONG, 2000));
        // stop 1.5 × 40 = 60 = 3%, target 3.25 × 40 = 130 = 6.5%
        assertLevels(1940, 2130, levels);
        assertEquals("stop 1.5 ATR = 3.00% at 1940.00, target 3.25 ATR = 6.50% at 2130.00", levels.note());
    }

    @Test
    void percentModeLongAndShort() {
        markets.atr(BTC, 14, 0.5);   // not read in percent mode
        PositionPolicy policy = policy(markets, "stopMode", "percent", "targetMode", "percent");
        EntryPlan lng = open(policy, intent(Direction.LONG, 250));
        assertLevels(245, 260, lng);
        assertEquals("stop 2.00% at 245.00, target 4.00% at 260.00", lng.note());
        EntryPlan shrt = open(policy, intent(Direction.SHORT, 250));
        assertLevels(255, 240, shrt);
        assertEquals("stop 2.00% at 255.00, target 4.00% at 240.00", shrt.note());
    }

    @Test
    void modesAreIndependent() {
        markets.atr(BTC, 14, 0.5);
        EntryPlan levels = open(policy(markets, "stopMode", "percent", "stopPct", 0.03), intent(Direction.LONG, 100));
        assertLevels(97, 102, levels);
        assertEquals("stop 3.00% at 97.00, target 4.0 ATR = 2.00% at 102.00", levels.note());
    }

    @Test
    void atrDistancesAreClampedAtBothBounds() {
        markets.atr(BTC, 14, 0.04);
        EntryPlan narrow = open(policy(markets), intent(Direction.LONG, 100));
        // 0.08% and 0.16% are below the minimum 0.20%
        assertLevels(99.8, 100.2, narrow);
        assertEquals("stop 2.0 ATR = 0.08%, clamped to [0.20%, 5.00%]: 0.20% at 99.80,"
                + " target 4.0 ATR = 0.16%, clamped to [0.20%, 10.00%]: 0.20% at 100.20", narrow.note());
        markets.atr(BTC, 14, 5);
        EntryPlan wide = open(policy(markets), intent(Direction.SHORT, 100));
        // 10% and 20% are above the maxima 5% and 10%
        assertLevels(105, 90, wide);
        assertEquals("stop 2.0 ATR = 10.00%, clamped to [0.20%, 5.00%]: 5.00% at 105.00,"
                + " target 4.0 ATR = 20.00%, clamped to [0.20%, 10.00%]: 10.00% at 90.00", wide.note());
    }

    @Test
    void percentDistancesAreClampedToo() {
        EntryPlan levels = open(policy(markets, "stopMode", "percent", "stopPct", 0.3, "targetMode", "percent",
                "targetPct", 0.001), intent(Direction.LONG, 100));
        assertLevels(95, 100.2, levels);
        assertEquals("stop 30.00%, clamped to [0.20%, 5.00%]: 5.00% at 95.00,"
                + " target 0.10%, clamped to [0.20%, 10.00%]: 0.20% at 100.20", levels.note());
    }

    @Test
    void aDistanceExactlyAtABoundIsNotClamped() {
        markets.atr(BTC, 14, 2.5);
        // stop 2 × 2.5 = 5 = exactly maxStopPct
        EntryPlan levels = open(policy(markets), intent(Direction.LONG, 100));
        assertLevels(95, 110, levels);
        assertEquals("stop 2.0 ATR = 5.00% at 95.00, target 4.0 ATR = 10.00% at 110.00", levels.note());
    }

    @Test
    void theVotersLevelsAreUsedExactlyWhenInsideTheBounds() {
        markets.atr(BTC, 14, 0.5);
        EntryPlan levels = open(policy(markets), intent(BTC, Direction.LONG, 100, 97.3, 104.1));
        assertEquals(97.3, levels.stopLoss().orElseThrow());
        assertEquals(104.1, levels.takeProfit().orElseThrow());
        assertEquals("stop signal 97.30 = 2.70% at 97.30, target signal 104.10 = 4.10% at 104.10", levels.note());
        EntryPlan shrt = open(policy(markets), intent(BTC, Direction.SHORT, 100, 102.5, 93));
        assertEquals(102.5, shrt.stopLoss().orElseThrow());
        assertEquals(93.0, shrt.takeProfit().orElseThrow());
    }

    @Test
    void theVotersLevelsAreClampedAtTheLowerBound() {
        EntryPlan lng = open(policy(markets), intent(BTC, Direction.LONG, 100, 99.9, 100.1));
        assertLevels(99.8, 100.2, lng);
        assertEquals("stop signal 99.90 = 0.10%, clamped to [0.20%, 5.00%]: 0.20% at 99.80,"
                + " target signal 100.10 = 0.10%, clamped to [0.20%, 10.00%]: 0.20% at 100.20", lng.note());
        EntryPlan shrt = open(policy(markets), intent(BTC, Direction.SHORT, 100, 100.1, 99.9));
        assertLevels(100.2, 99.8, shrt);
    }

    @Test
    void theVotersLevelsAreClampedAtTheUpperBound() {
        EntryPlan lng = open(policy(markets), intent(BTC, Direction.LONG, 100, 80, 130));
        assertLevels(95, 110, lng);
        assertEquals("stop signal 80.00 = 20.00%, clamped to [0.20%, 5.00%]: 5.00% at 95.00,"
                + " target signal 130.00 = 30.00%, clamped to [0.20%, 10.00%]: 10.00% at 110.00", lng.note());
        EntryPlan shrt = open(policy(markets, "maxStopPct", 0.03, "maxTargetPct", 0.06),
                intent(BTC, Direction.SHORT, 100, 120, 70));
        assertLevels(103, 94, shrt);
    }

    @Test
    void oneVoterLevelAloneReplacesOnlyItsOwnLevel() {
        markets.atr(BTC, 14, 0.5);
        EntryPlan levels = open(policy(markets), intent(BTC, Direction.LONG, 100, 98.5, Double.NaN));
        assertLevels(98.5, 102, levels);
        assertEquals("stop signal 98.50 = 1.50% at 98.50, target 4.0 ATR = 2.00% at 102.00", levels.note());
    }

    @Test
    void theVotersLevelsAreIgnoredWhenSwitchedOff() {
        markets.atr(BTC, 14, 0.5);
        EntryPlan levels = open(policy(markets, "useSignalLevels", false), intent(BTC, Direction.LONG, 100, 97, 104));
        assertLevels(99, 102, levels);
        assertEquals("stop 2.0 ATR = 1.00% at 99.00, target 4.0 ATR = 2.00% at 102.00", levels.note());
    }

    @Test
    void aVoterLevelOnTheWrongSideIsIgnored() {
        markets.atr(BTC, 14, 0.5);
        EntryPlan lng = open(policy(markets), intent(BTC, Direction.LONG, 100, 101, 100));
        assertLevels(99, 102, lng);
        assertEquals("stop 2.0 ATR = 1.00% at 99.00 (signal 101.00 ignored: not below the reference 100.00),"
                + " target 4.0 ATR = 2.00% at 102.00 (signal 100.00 ignored: not above the reference 100.00)", lng.note());
        EntryPlan shrt = open(policy(markets), intent(BTC, Direction.SHORT, 100, 99, 101));
        assertLevels(101, 98, shrt);
    }

    @Test
    void whileTheAtrIsNaNThePercentDistanceIsUsed() {
        EntryPlan levels = open(policy(markets), intent(Direction.LONG, 100));
        assertLevels(98, 104, levels);
        assertEquals("stop 2.00% (ATR(14) not ready) at 98.00, target 4.00% (ATR(14) not ready) at 104.00", levels.note());
        EntryPlan shrt = open(policy(markets, "stopPct", 0.01), intent(Direction.SHORT, 100));
        assertLevels(101, 96, shrt);
        // the fallback is clamped like any distance
        EntryPlan clamped = open(policy(markets, "maxStopPct", 0.015), intent(Direction.LONG, 100));
        assertEquals("stop 2.00% (ATR(14) not ready), clamped to [0.20%, 1.50%]: 1.50% at 98.50,"
                + " target 4.00% (ATR(14) not ready) at 104.00", clamped.note());
    }

    @Test
    void aSymbolOutsideTheRunsMarketsHasNoAtr() {
        markets.atr(BTC, 14, 0.5);
        EntryPlan levels = open(policy(markets), intent(LTC, Direction.LONG, 100, Double.NaN, Double.NaN));
        assertLevels(98, 104, levels);
    }

    @Test
    void eachSymbolUsesItsOwnAtr() {
        markets.atr(BTC, 14, 0.5).atr(ETH, 14, 1.5);
        PositionPolicy policy = policy(markets);
        assertLevels(99, 102, open(policy, intent(BTC, Direction.LONG, 100, Double.NaN, Double.NaN)));
        assertLevels(97, 106, open(policy, intent(ETH, Direction.LONG, 100, Double.NaN, Double.NaN)));
    }

    @Test
    void theAtrIsReadWhenTheEntryIsDecided() {
        PositionPolicy policy = policy(markets);
        assertLevels(98, 104, open(policy, intent(Direction.LONG, 100)));
        markets.atr(BTC, 14, 0.5);
        assertLevels(99, 102, open(policy, intent(Direction.LONG, 100)));
    }

    @Test
    void aZeroDistanceLeavesTheLevelOut() {
        markets.atr(BTC, 14, 0.0);
        EntryPlan levels = open(policy(markets, "minStopPct", 0.0, "minTargetPct", 0.0), intent(Direction.LONG, 100));
        assertEquals(OptionalDouble.empty(), levels.stopLoss());
        assertEquals(OptionalDouble.empty(), levels.takeProfit());
        assertEquals("stop 2.0 ATR = 0.00%: none, 100.00 is not below the reference 100.00,"
                + " target 4.0 ATR = 0.00%: none, 100.00 is not above the reference 100.00", levels.note());
        // with the default minima the flat market still gets levels
        assertLevels(99.8, 100.2, open(policy(markets), intent(Direction.LONG, 100)));
    }

    @Test
    void levelsAreAlwaysOnTheirSidesOfTheReference() {
        double[] atrs = {Double.NaN, 0, 1e-9, 0.01, 0.5, 3, 50};
        double[] hints = {Double.NaN, 0.5, 90, 99.99, 100, 100.01, 110, 500};
        for (double atr : atrs) {
            markets.atr(BTC, 14, atr);
            for (Direction direction : new Direction[] {Direction.LONG, Direction.SHORT}) {
                for (double sl : hints) {
                    for (double tp : hints) {
                        EntryPlan levels = open(policy(markets, "maxTargetPct", 0.99, "maxStopPct", 0.5),
                                intent(BTC, direction, 100, sl, tp));
                        double s = direction == Direction.LONG ? 1 : -1;
                        assertTrue(s * (levels.stopLoss().orElseThrow() - 100) < 0, levels.note());
                        assertTrue(s * (levels.takeProfit().orElseThrow() - 100) > 0, levels.note());
                    }
                }
            }
        }
    }
}
