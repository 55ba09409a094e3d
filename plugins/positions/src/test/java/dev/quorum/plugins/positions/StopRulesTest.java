package dev.quorum.plugins.positions;

import static dev.quorum.plugins.positions.Fixtures.BTC;
import static dev.quorum.plugins.positions.Fixtures.QUIET;
import static dev.quorum.plugins.positions.Fixtures.held;
import static dev.quorum.plugins.positions.Fixtures.market;
import static dev.quorum.plugins.positions.Fixtures.next;
import static dev.quorum.plugins.positions.Fixtures.policy;
import static dev.quorum.plugins.positions.Fixtures.portfolio;
import static dev.quorum.plugins.positions.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.PositionUpdate;
import dev.quorum.testkit.TestMarkets;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@code manage}: the trailing stop and break-even. */
class StopRulesTest {

    private static final double EPS = 1e-9;
    private static final double NONE = Double.NaN;

    private final TestMarkets markets = new TestMarkets(BTC);

    /** Trailing only: 2.5 ATR from the close. */
    private PositionPolicy trailing(Object... more) {
        return policy(markets, with(with(QUIET, "trailMode", "atr"), more));
    }

    /** Break-even only: at a gain of 1%, entry + 0.2%. */
    private PositionPolicy breakEven(Object... more) {
        return policy(markets, with(with(QUIET, "breakEvenGain", 0.01), more));
    }

    private static PositionUpdate manage(PositionPolicy policy, ManagedPosition position, double close) {
        return policy.manage(position, market(close), portfolio());
    }

    private static void assertStop(double expected, PositionUpdate update) {
        assertEquals(expected, update.stopLoss().orElseThrow(), EPS, update.note());
        assertEquals(OptionalDouble.empty(), update.takeProfit());
        assertEquals(Optional.empty(), update.exit());
    }

    // ---------------------------------------------------------------- trailing

    @Test
    void theTrailFollowsTheCloseUpAndNeverDown() {
        markets.atr(BTC, 14, 1);
        PositionPolicy policy = trailing();
        ManagedPosition position = held(Direction.LONG, 100, 98, NONE, 1, NONE);
        // close 103: 103 − 2.5 × 1 = 100.5 > 98
        PositionUpdate up = manage(policy, position, 103);
        assertStop(100.5, up);
        assertEquals("trail 2.5 ATR(14) 2.50 from close 103.00: stop 98.00 → 100.50", up.note());
        position = next(position, 100.5, NONE, 2);
        // close 105: 102.5
        assertStop(102.5, manage(policy, position, 105));
        position = next(position, 102.5, NONE, 3);
        // the price falls back: 101 − 2.5 = 98.5 is below the stop; nothing moves
        assertTrue(manage(policy, position, 104).isKeep());
        assertTrue(manage(policy, position, 101).isKeep());
        // a wider ATR would loosen it: refused by the manager itself
        markets.atr(BTC, 14, 3);
        assertTrue(manage(policy, position, 105).isKeep());
        // the same candidate as the current stop is no move
        markets.atr(BTC, 14, 1);
        assertTrue(manage(policy, position, 105).isKeep());
    }

    @Test
    void theShortTrailIsTheMirror() {
        markets.atr(BTC, 14, 1);
        PositionPolicy policy = trailing();
        ManagedPosition position = held(Direction.SHORT, 100, 102, NONE, 1, NONE);
        PositionUpdate down = manage(policy, position, 97);
        assertStop(99.5, down);
        assertEquals("trail 2.5 ATR(14) 2.50 from close 97.00: stop 102.00 → 99.50", down.note());
        position = next(position, 99.5, NONE, 2);
        assertStop(97.5, manage(policy, position, 95));
        position = next(position, 97.5, NONE, 3);
        assertTrue(manage(policy, position, 96).isKeep());
        assertTrue(manage(policy, position, 99).isKeep());
        markets.atr(BTC, 14, 3);
        assertTrue(manage(policy, position, 95).isKeep());
    }

    @Test
    void theTrailStartsExactlyAtItsActivationGain() {
        markets.atr(BTC, 14, 0.5);
        PositionPolicy policy = trailing("trailActivation", 0.02);
        ManagedPosition position = held(Direction.LONG, 100, 98, NONE, 1, NONE);
        // gain 1.99%: not yet, although 101.99 − 1.25 = 100.74 would tighten
        assertTrue(manage(policy, position, 101.99).isKeep());
        // gain exactly 2%
        PositionUpdate at = manage(policy, position, 102);
        assertStop(100.75, at);
        assertEquals("trail 2.5 ATR(14) 1.25 from close 102.00 (gain 2.00% ≥ 2.00%): stop 98.00 → 100.75", at.note());
        ManagedPosition shrt = held(Direction.SHORT, 100, 102, NONE, 1, NONE);
        assertTrue(manage(policy, shrt, 98.01).isKeep());
        assertStop(99.25, manage(policy, shrt, 98));
    }

    @Test
    void withoutActivationTheTrailWaitsForAGainOfZero() {
        markets.atr(BTC, 14, 0.2);
        PositionPolicy policy = trailing();
        // the initial stop is wider than the trail; in a loss it does not trail
        ManagedPosition position = held(Direction.LONG, 100, 97, NONE, 1, NONE);
        assertTrue(manage(policy, position, 99.9).isKeep());
        assertStop(99.5, manage(policy, position, 100));
    }

    @Test
    void thePercentTrailIsAShareOfTheClose() {
        PositionPolicy policy = trailing("trailMode", "percent");
        ManagedPosition position = held(Direction.LONG, 100, 98, NONE, 1, NONE);
        PositionUpdate update = manage(policy, position, 110);
        // 110 − 1.5% × 110 = 108.35; no ATR needed
        assertStop(108.35, update);
        assertEquals("trail 1.50% 1.65 from close 110.00: stop 98.00 → 108.35", update.note());
        // 90 + 1.5% × 90 = 91.35
        assertStop(91.35, manage(policy, held(Direction.SHORT, 100, 102, NONE, 1, NONE), 90));
    }

    @Test
    void noTrailWhileTheAtrIsNaN() {
        PositionPolicy policy = trailing();
        assertTrue(manage(policy, held(Direction.LONG, 100, 98, NONE, 1, NONE), 110).isKeep());
        assertTrue(manage(policy, held(Direction.SHORT, 100, 102, NONE, 1, NONE), 90).isKeep());
    }

    @Test
    void noTrailWhenSwitchedOff() {
        markets.atr(BTC, 14, 1);
        assertTrue(manage(policy(markets, QUIET), held(Direction.LONG, 100, 98, NONE, 1, NONE), 110).isKeep());
    }

    @Test
    void aPositionWithoutAStopGetsOne() {
        markets.atr(BTC, 14, 1);
        PositionUpdate update = manage(trailing(), held(Direction.LONG, 100, NONE, NONE, 1, NONE), 101);
        assertStop(98.5, update);
        assertEquals("trail 2.5 ATR(14) 2.50 from close 101.00: stop none → 98.50", update.note());
    }

    @Test
    void aTrailBeyondZeroIsNotProposed() {
        markets.atr(BTC, 14, 3);
        // 50 ATR = 150 below a close of 101
        assertTrue(manage(trailing("trailAtr", 50.0), held(Direction.LONG, 100, NONE, NONE, 1, NONE), 101).isKeep());
    }

    // ---------------------------------------------------------------- break-even

    @Test
    void breakEvenExactlyAtTheGainWithTheOffset() {
        PositionPolicy policy = breakEven();
        ManagedPosition position = held(Direction.LONG, 100, 98, NONE, 1, NONE);
        assertTrue(manage(policy, position, 100.99).isKeep());
        PositionUpdate at = manage(policy, position, 101);
        assertStop(100.2, at);
        assertEquals("break-even at gain 1.00% ≥ 1.00%, entry 100.00 + 0.20%: stop 98.00 → 100.20", at.note());
        // once there, no churn
        position = next(position, at.stopLoss().orElseThrow(), NONE, 2);
        assertTrue(manage(policy, position, 101).isKeep());
        assertTrue(manage(policy, position, 105).isKeep());
    }

    @Test
    void shortBreakEvenIsTheMirror() {
        PositionPolicy policy = breakEven();
        ManagedPosition position = held(Direction.SHORT, 100, 102, NONE, 1, NONE);
        assertTrue(manage(policy, position, 99.01).isKeep());
        PositionUpdate at = manage(policy, position, 99);
        assertStop(99.8, at);
        assertEquals("break-even at gain 1.00% ≥ 1.00%, entry 100.00 − 0.20%: stop 102.00 → 99.80", at.note());
    }

    @Test
    void breakEvenWithoutOffsetIsTheEntryPrice() {
        assertStop(200, manage(breakEven("breakEvenOffset", 0.0), held(Direction.LONG, 200, 190, NONE, 1, NONE), 202));
        assertStop(200, manage(breakEven("breakEvenOffset", 0.0), held(Direction.SHORT, 200, 210, NONE, 1, NONE), 198));
    }

    @Test
    void breakEvenIsNotProposedAtOrAboveTheClose() {
        // gain 0.15% reached, but entry + 0.2% = 100.2 is above the close 100.15
        PositionPolicy policy = breakEven("breakEvenGain", 0.001);
        assertTrue(manage(policy, held(Direction.LONG, 100, 98, NONE, 1, NONE), 100.15).isKeep());
        assertStop(100.2, manage(policy, held(Direction.LONG, 100, 98, NONE, 1, NONE), 100.3));
        // exactly at the close (binary fractions, so the prices are exact): 128 × (1 + 1/32) = 132
        PositionPolicy exact = breakEven("breakEvenOffset", 0.03125);
        assertTrue(manage(exact, held(Direction.LONG, 128, 120, NONE, 1, NONE), 132).isKeep());
        assertStop(132, manage(exact, held(Direction.LONG, 128, 120, NONE, 1, NONE), 132.5));
        // 128 × (1 − 1/32) = 124
        assertTrue(manage(exact, held(Direction.SHORT, 128, 130, NONE, 1, NONE), 124).isKeep());
        assertStop(124, manage(exact, held(Direction.SHORT, 128, 130, NONE, 1, NONE), 123.5));
    }

    @Test
    void breakEvenNeverLoosensATighterStop() {
        assertTrue(manage(breakEven(), held(Direction.LONG, 100, 100.5, NONE, 1, NONE), 103).isKeep());
        assertTrue(manage(breakEven(), held(Direction.SHORT, 100, 99.5, NONE, 1, NONE), 97).isKeep());
    }

    @Test
    void aZeroBreakEvenGainIsOff() {
        assertTrue(manage(breakEven("breakEvenGain", 0.0), held(Direction.LONG, 100, 98, NONE, 1, NONE), 120).isKeep());
    }

    // ---------------------------------------------------------------- both

    @Test
    void theTightestCandidateWins() {
        markets.atr(BTC, 14, 1);
        PositionPolicy policy = trailing("breakEvenGain", 0.01);
        ManagedPosition position = held(Direction.LONG, 100, 98, NONE, 1, NONE);
        // close 101.2: trail 98.7, break-even 100.2
        PositionUpdate be = manage(policy, position, 101.2);
        assertStop(100.2, be);
        assertTrue(be.note().startsWith("break-even"), be.note());
        // close 104: trail 101.5, break-even 100.2
        PositionUpdate trail = manage(policy, position, 104);
        assertStop(101.5, trail);
        assertTrue(trail.note().startsWith("trail"), trail.note());
        ManagedPosition shrt = held(Direction.SHORT, 100, 102, NONE, 1, NONE);
        assertStop(99.8, manage(policy, shrt, 98.8));
        assertStop(98.5, manage(policy, shrt, 96));
    }

    @Test
    void theDefaultsTrailAndBreakEven() {
        markets.atr(BTC, 14, 0.4);
        PositionPolicy policy = policy(markets, "layers", false);
        ManagedPosition position = held(Direction.LONG, 100, 99.2, NONE, 1, NONE);
        // close 100.5: gain 0.5% < 1%, trail 100.5 − 1.0 = 99.5
        assertStop(99.5, manage(policy, position, 100.5));
        // close 101.0: break-even 100.2 beats the trail 100.0
        assertStop(100.2, manage(policy, next(position, 99.5, NONE, 2), 101));
    }
}
