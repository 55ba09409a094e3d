package dev.quorum.plugins.positions;

import static dev.quorum.plugins.positions.Fixtures.BTC;
import static dev.quorum.plugins.positions.Fixtures.QUIET;
import static dev.quorum.plugins.positions.Fixtures.T0;
import static dev.quorum.plugins.positions.Fixtures.held;
import static dev.quorum.plugins.positions.Fixtures.market;
import static dev.quorum.plugins.positions.Fixtures.policy;
import static dev.quorum.plugins.positions.Fixtures.portfolio;
import static dev.quorum.plugins.positions.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.MarketView;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.PositionUpdate;
import dev.quorum.api.Trade;
import dev.quorum.testkit.TestMarkets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@code manage} as a whole: the time exit, the order of the rules, one update per bar, no churn. */
class ManageTest {

    private static final double EPS = 1e-9;
    private static final double NONE = Double.NaN;

    private final TestMarkets markets = new TestMarkets(BTC);

    private static PositionUpdate manage(PositionPolicy policy, ManagedPosition position, MarketView market) {
        return policy.manage(position, market, portfolio());
    }

    private static MarketView flat(double close) {
        return market(close, close, close, close, close, close);
    }

    // ---------------------------------------------------------------- time exit

    @Test
    void theTimeExitComesExactlyAtMaxBars() {
        PositionPolicy policy = policy(markets, with(QUIET, "maxBars", 10));
        assertTrue(manage(policy, held(Direction.LONG, 100, 98, 104, 9, 104), flat(100.5)).isKeep());
        PositionUpdate at = manage(policy, held(Direction.LONG, 100, 98, 104, 10, 104), flat(100.5));
        assertEquals(Optional.of(ExitReason.TIME_EXIT), at.exit());
        assertEquals(OptionalDouble.empty(), at.stopLoss());
        assertEquals(OptionalDouble.empty(), at.takeProfit());
        assertEquals("held 10 bars (max 10)", at.note());
        // past it (should a call have been missed): still out
        assertEquals("held 11 bars (max 10)", manage(policy, held(Direction.SHORT, 100, 102, 96, 11, 96), flat(99)).note());
        // the smallest window: out on the first bar
        assertEquals(Optional.of(ExitReason.TIME_EXIT),
                manage(policy(markets, with(QUIET, "maxBars", 1)), held(Direction.LONG, 100, 98, 104, 1, 104), flat(100)).exit());
        assertTrue(manage(policy(markets, with(QUIET, "maxBars", 1)), held(Direction.LONG, 100, 98, 104, 0, 104), flat(100))
                .isKeep());
    }

    @Test
    void withoutMaxBarsThereIsNoTimeExit() {
        assertTrue(manage(policy(markets, QUIET), held(Direction.LONG, 100, 98, 104, 1_000_000, 104), flat(100.5)).isKeep());
    }

    @Test
    void theTimeExitComesFirst() {
        markets.atr(BTC, 14, 1);
        PositionPolicy policy = policy(markets, "maxBars", 10);
        // the layered target (urgent: 100.8) would be through the close and the stop would trail
        PositionUpdate update = manage(policy, held(Direction.LONG, 100, 98, 104, 10, 104), flat(103));
        assertEquals(Optional.of(ExitReason.TIME_EXIT), update.exit());
        assertEquals("held 10 bars (max 10)", update.note());
    }

    @Test
    void theLayeredExitComesBeforeAnyStopMove() {
        markets.atr(BTC, 14, 0.1);
        PositionPolicy policy = policy(markets, "maxBars", 100);
        PositionUpdate update = manage(policy, held(Direction.LONG, 100, 98, 104, 90, 104), flat(101));
        assertEquals(Optional.of(ExitReason.TAKE_PROFIT), update.exit());
        assertEquals(OptionalDouble.empty(), update.stopLoss());
    }

    // ---------------------------------------------------------------- one update

    @Test
    void aNewStopAndANewTargetMakeOneMove() {
        markets.atr(BTC, 14, 0.5);
        PositionPolicy policy = policy(markets, "maxBars", 100);
        // close 101.5: trail 100.25 beats break-even 100.2; volatility 1.5 × time 0.5 (20 of 100 left): 103
        PositionUpdate update = manage(policy, held(Direction.LONG, 100, 98, 104, 80, 104), flat(101.5));
        assertEquals(100.25, update.stopLoss().orElseThrow(), EPS);
        assertEquals(103, update.takeProfit().orElseThrow(), EPS);
        assertEquals(Optional.empty(), update.exit());
        assertEquals("trail 2.5 ATR(14) 1.25 from close 101.50: stop 98.00 → 100.25;"
                + " target base 4.00 × volatility 1.5 × time 0.5 = 3.00 → 103.00", update.note());
        PositionUpdate shrt = manage(policy, held(Direction.SHORT, 100, 102, 96, 80, 96), flat(98.5));
        assertEquals(99.75, shrt.stopLoss().orElseThrow(), EPS);
        assertEquals(97, shrt.takeProfit().orElseThrow(), EPS);
    }

    @Test
    void onlyTheLevelThatChangesIsProposed() {
        markets.atr(BTC, 14, 0.5);
        PositionPolicy policy = policy(markets, "maxBars", 100);
        // the target is already where the layers put it: only the stop moves
        PositionUpdate stopOnly = manage(policy, held(Direction.LONG, 100, 98, 103, 80, 104), flat(101.5));
        assertEquals(100.25, stopOnly.stopLoss().orElseThrow(), EPS);
        assertEquals(OptionalDouble.empty(), stopOnly.takeProfit());
        assertTrue(stopOnly.note().startsWith("trail"), stopOnly.note());
        assertTrue(!stopOnly.note().contains(";"), stopOnly.note());
        // the stop is already tighter than both candidates: only the target moves
        PositionUpdate targetOnly = manage(policy, held(Direction.LONG, 100, 100.3, 104, 80, 104), flat(101.5));
        assertEquals(OptionalDouble.empty(), targetOnly.stopLoss());
        assertEquals(103, targetOnly.takeProfit().orElseThrow(), EPS);
    }

    @Test
    void nothingChangesNothingIsProposed() {
        markets.atr(BTC, 14, 0.1);   // 0.1 / 100.5 < 0.2%: no volatility layer
        PositionPolicy policy = policy(markets);
        // gain 0.5%: no break-even; trail 100.5 − 0.25 = 100.25 is below the stop; target in place
        PositionUpdate update = manage(policy, held(Direction.LONG, 100, 100.3, 104, 5, 104), flat(100.5));
        assertTrue(update.isKeep());
        assertSame(PositionUpdate.keep(), update);
        assertTrue(manage(policy, held(Direction.SHORT, 100, 99.7, 96, 5, 96), flat(99.5)).isKeep());
    }

    @Test
    void aPositionOnASymbolWithoutAtrIsManagedWithoutIt() {
        TestMarkets other = new TestMarkets("ETH-USD");
        PositionPolicy policy = policy(other, "trailMode", "atr");
        // BTC-USD is not in the run's markets: no ATR, so no trail and no volatility layer; break-even still works
        PositionUpdate update = manage(policy, held(Direction.LONG, 100, 98, 104, 5, 104), flat(101));
        assertEquals(100.2, update.stopLoss().orElseThrow(), EPS);
        assertEquals(OptionalDouble.empty(), update.takeProfit());
    }

    @Test
    void closedTradesChangeNothing() {
        markets.atr(BTC, 14, 0.5);
        PositionPolicy policy = policy(markets);
        ManagedPosition position = held(Direction.LONG, 100, 98, 104, 5, 104);
        PositionUpdate before = manage(policy, position, flat(101.5));
        policy.onTradeClosed(new Trade(1, BTC, Direction.LONG, 1, T0, 100, T0.plusSeconds(60), 99, 0.2, -1.2,
                ExitReason.STOP_LOSS, List.of("bot-a")));
        assertEquals(before, manage(policy, position, flat(101.5)));
    }
}
