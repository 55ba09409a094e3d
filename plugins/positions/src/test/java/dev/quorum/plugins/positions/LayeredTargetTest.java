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
import dev.quorum.api.ExitReason;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.MarketView;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.PositionUpdate;
import dev.quorum.testkit.TestMarkets;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@code manage}: the layered take-profit, each layer alone and together, and its exit. */
class LayeredTargetTest {

    private static final double EPS = 1e-9;
    private static final double NONE = Double.NaN;

    private final TestMarkets markets = new TestMarkets(BTC);

    /** Layers only: no trail, no break-even. */
    private PositionPolicy layers(Object... more) {
        return policy(markets, with(with(QUIET, "layers", true), more));
    }

    /** A long from 100 with its initial target 104 (base distance 4) still in place, and a stop at 98. */
    private static ManagedPosition lng(long barsHeld) {
        return held(Direction.LONG, 100, 98, 104, barsHeld, 104);
    }

    /** A short from 100 with its initial target 96 still in place, and a stop at 102. */
    private static ManagedPosition shrt(long barsHeld) {
        return held(Direction.SHORT, 100, 102, 96, barsHeld, 96);
    }

    /** Six bars all closing at {@code close}: no momentum either way. */
    private static MarketView flat(double close) {
        return market(close, close, close, close, close, close);
    }

    private static PositionUpdate manage(PositionPolicy policy, ManagedPosition position, MarketView market) {
        return policy.manage(position, market, portfolio());
    }

    private static void assertTarget(double expected, PositionUpdate update) {
        assertEquals(expected, update.takeProfit().orElseThrow(), EPS, update.note());
        assertEquals(OptionalDouble.empty(), update.stopLoss());
        assertEquals(Optional.empty(), update.exit());
    }

    private static void assertExit(String note, PositionUpdate update) {
        assertEquals(Optional.of(ExitReason.TAKE_PROFIT), update.exit());
        assertEquals(OptionalDouble.empty(), update.stopLoss());
        assertEquals(OptionalDouble.empty(), update.takeProfit());
        assertEquals(note, update.note());
    }

    // ---------------------------------------------------------------- volatility

    @Test
    void theVolatilityLayerAlone() {
        markets.atr(BTC, 14, 0.5);   // 0.5 / 100.5 = 0.50% ≥ 0.20%
        PositionUpdate update = manage(layers(), lng(1), flat(100.5));
        assertTarget(106, update);
        assertEquals("target base 4.00 × volatility 1.5 = 6.00 → 106.00", update.note());
        assertTarget(94, manage(layers(), shrt(1), flat(99.5)));
        // 0.2 / 100.5 < 0.20%: the base target, already in place
        markets.atr(BTC, 14, 0.2);
        assertTrue(manage(layers(), lng(1), flat(100.5)).isKeep());
        // no ATR yet: inactive
        markets.atr(BTC, 14, Double.NaN);
        assertTrue(manage(layers(), lng(1), flat(100.5)).isKeep());
    }

    @Test
    void theVolatilityLayerStartsExactlyAtItsThreshold() {
        // binary fractions: 0.25 / 125 is exactly 0.002
        ManagedPosition position = held(Direction.LONG, 120, 110, 130, 1, 130);
        markets.atr(BTC, 14, 0.25);
        assertTarget(135, manage(layers(), position, flat(125)));
        markets.atr(BTC, 14, 0.24);
        assertTrue(manage(layers(), position, flat(125)).isKeep());
        markets.atr(BTC, 14, 1.0);
        assertTarget(140, manage(layers("highVolatilityFactor", 2.0), position, flat(125)));
        assertTrue(manage(layers("highVolatilityAtrPct", 0.01), position, flat(125)).isKeep());
    }

    // ---------------------------------------------------------------- time

    @Test
    void theTimeLayerAlone() {
        PositionPolicy policy = layers("maxBars", 100);
        // 27 of 100 bars left: 0.27 ≥ 0.267
        assertTrue(manage(policy, lng(73), flat(100.5)).isKeep());
        // 26 left: near, × 0.5
        PositionUpdate near = manage(policy, lng(74), flat(100.5));
        assertTarget(102, near);
        assertEquals("target base 4.00 × time 0.5 = 2.00 → 102.00", near.note());
        assertTarget(102, manage(policy, lng(86), flat(100.5)));
        // 13 left: 0.13 < 0.134, urgent, × 0.2
        PositionUpdate urgent = manage(policy, lng(87), flat(100.5));
        assertTarget(100.8, urgent);
        assertEquals("target base 4.00 × time 0.2 = 0.80 → 100.80", urgent.note());
        assertTarget(100.8, manage(policy, lng(99), flat(100.5)));
        assertTarget(99.2, manage(policy, shrt(90), flat(99.5)));
        assertTarget(98, manage(policy, shrt(80), flat(99.5)));
    }

    @Test
    void theSeedsFifteenMinuteWindow() {
        PositionPolicy policy = layers("maxBars", 15);
        // 5 bars left: 0.333
        assertTrue(manage(policy, lng(10), flat(100.5)).isKeep());
        // 4 left: 0.2667 < 0.267; 3 left: 0.2
        assertTarget(102, manage(policy, lng(11), flat(100.5)));
        assertTarget(102, manage(policy, lng(12), flat(100.5)));
        // 2 left: 0.1333 < 0.134; 1 left
        assertTarget(100.8, manage(policy, lng(13), flat(100.5)));
        assertTarget(100.8, manage(policy, lng(14), flat(100.5)));
    }

    @Test
    void withoutMaxBarsThereIsNoTimeLayer() {
        assertTrue(manage(layers(), lng(1_000_000), flat(100.5)).isKeep());
    }

    @Test
    void theTimeFactorsAreConfigurable() {
        PositionPolicy policy = layers("maxBars", 10, "timeUrgentShare", 0.3, "timeUrgentFactor", 0.25, "timeNearShare", 0.6,
                "timeNearFactor", 0.75);
        // 6 of 10 left: 0.6 is not below 0.6
        assertTrue(manage(policy, lng(4), flat(100.5)).isKeep());
        assertTarget(103, manage(policy, lng(5), flat(100.5)));
        assertTarget(103, manage(policy, lng(7), flat(100.5)));
        assertTarget(101, manage(policy, lng(8), flat(100.5)));
    }

    // ---------------------------------------------------------------- momentum

    @Test
    void theMomentumLayerAlone() {
        // close(0) 100.5 against close(5) 102: the price fell, against the long
        MarketView falling = market(102, 101.5, 101, 100.8, 100.6, 100.5);
        PositionUpdate update = manage(layers(), lng(6), falling);
        assertTarget(102.4, update);
        assertEquals("target base 4.00 × momentum 0.6 = 2.40 → 102.40", update.note());
        // with the price rising, or unchanged, it is not against the long
        assertTrue(manage(layers(), lng(6), market(99, 99.5, 100, 100.2, 100.4, 100.5)).isKeep());
        assertTrue(manage(layers(), lng(6), market(100.5, 101, 101, 101, 101, 100.5)).isKeep());
        // the mirror: a rising price is against the short
        MarketView rising = market(98, 98.5, 99, 99.2, 99.4, 99.5);
        assertTarget(97.6, manage(layers(), shrt(6), rising));
        assertTrue(manage(layers(), shrt(6), falling(99.5)).isKeep());
    }

    private static MarketView falling(double last) {
        return market(last + 2, last + 1.5, last + 1, last + 0.5, last + 0.2, last);
    }

    @Test
    void theMomentumLayerNeedsItsHistory() {
        // five bars hold close(0)..close(4) only
        assertTrue(manage(layers(), lng(6), market(101.5, 101, 100.8, 100.6, 100.5)).isKeep());
        // momentumBars 2: close(0) 100.5 against close(2) 100.8
        assertTarget(102.4, manage(layers("momentumBars", 2), lng(6), market(101.5, 101, 100.8, 100.6, 100.5)));
        assertTarget(101, manage(layers("momentumBars", 2, "momentumFactor", 0.25), lng(6),
                market(101.5, 101, 100.8, 100.6, 100.5)));
    }

    // ---------------------------------------------------------------- together

    @Test
    void theLayersMultiply() {
        markets.atr(BTC, 14, 0.5);
        PositionPolicy policy = layers("maxBars", 100);
        MarketView falling = market(102, 101.5, 101, 100.8, 100.6, 100.5);
        // volatility 1.5 × time 0.5 (20 of 100 left) × momentum 0.6 = 0.45; 4 × 0.45 = 1.8
        PositionUpdate update = manage(policy, lng(80), falling);
        assertTarget(101.8, update);
        assertEquals("target base 4.00 × volatility 1.5 × time 0.5 × momentum 0.6 = 1.80 → 101.80", update.note());
        // volatility and time urgent: 4 × 1.5 × 0.2 = 1.2
        assertTarget(101.2, manage(policy, lng(90), flat(100.5)));
        assertTarget(98.8, manage(policy, shrt(90), flat(99.5)));
    }

    @Test
    void theBaseIsTheInitialTargetsDistanceFromTheEntryPrice() {
        // the target started at 104 from a reference of 101, but the entry filled at 100.5: base 3.5
        markets.atr(BTC, 14, 0.5);
        ManagedPosition position = held(Direction.LONG, 100.5, 98, 104, 1, 104);
        assertTarget(105.75, manage(layers(), position, flat(101)));
    }

    @Test
    void theLayeredTargetIsReachedAtOrThroughTheClose() {
        PositionPolicy policy = layers("maxBars", 100);
        // urgent: 100.8, the close 101 is through it
        assertExit("layered target 100.80 reached (close 101.00): base 4.00 × time 0.2 = 0.80",
                manage(policy, lng(90), flat(101)));
        // near: 102, exactly at the close
        assertExit("layered target 102.00 reached (close 102.00): base 4.00 × time 0.5 = 2.00",
                manage(policy, lng(80), flat(102)));
        assertTarget(102, manage(policy, lng(80), flat(101.99)));
        // the short's mirror: 99.2
        assertExit("layered target 99.20 reached (close 99.00): base 4.00 × time 0.2 = 0.80",
                manage(policy, shrt(90), flat(99)));
        assertTarget(99.2, manage(policy, shrt(90), flat(99.21)));
    }

    @Test
    void withNoActiveLayerTheBaseTargetIsRestored() {
        ManagedPosition lowered = next(lng(1), 98, 102, 2);
        PositionUpdate update = manage(layers(), lowered, flat(100.5));
        assertEquals(104.0, update.takeProfit().orElseThrow());
        assertEquals("target base 4.00, no layer active → 104.00", update.note());
        assertEquals(96.0, manage(layers(), next(shrt(1), 102, 98, 2), flat(99.5)).takeProfit().orElseThrow());
    }

    @Test
    void anUnchangedLayeredTargetIsNotProposedAgain() {
        markets.atr(BTC, 14, 0.5);
        PositionPolicy policy = layers();
        ManagedPosition position = lng(1);
        PositionUpdate first = manage(policy, position, flat(100.5));
        position = next(position, 98, first.takeProfit().orElseThrow(), 2);
        assertTrue(manage(policy, position, flat(100.6)).isKeep());
    }

    @Test
    void noLayeringWithoutAnInitialTarget() {
        markets.atr(BTC, 14, 0.5);
        assertTrue(manage(layers(), held(Direction.LONG, 100, 98, NONE, 1, NONE), flat(100.5)).isKeep());
        // a target the position carries without one it started with is left alone
        assertTrue(manage(layers(), held(Direction.LONG, 100, 98, 103, 1, NONE), flat(100.5)).isKeep());
    }

    @Test
    void noLayeringWhenTheEntryFilledBeyondItsTarget() {
        markets.atr(BTC, 14, 0.5);
        assertTrue(manage(layers(), held(Direction.LONG, 104.5, 98, 104, 1, 104), flat(103)).isKeep());
        assertTrue(manage(layers(), held(Direction.SHORT, 95.5, 98, 96, 1, 96), flat(97)).isKeep());
    }

    @Test
    void noLayeringWhenSwitchedOff() {
        markets.atr(BTC, 14, 0.5);
        assertTrue(manage(policy(markets, QUIET), lng(1), flat(100.5)).isKeep());
        assertTrue(manage(policy(markets, with(QUIET, "maxBars", 100)), lng(90), flat(101)).isKeep());
    }

    @Test
    void aShortTargetScaledPastZeroIsNotProposed() {
        markets.atr(BTC, 14, 1);
        // base 80, × 1.5 = 120 below an entry of 100
        assertTrue(manage(layers(), held(Direction.SHORT, 100, 102, 20, 1, 20), flat(99)).isKeep());
    }
}
