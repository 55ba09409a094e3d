package dev.quorum.plugins.positions;

import static dev.quorum.plugins.positions.Fixtures.BTC;
import static dev.quorum.plugins.positions.Fixtures.ETH;
import static dev.quorum.plugins.positions.Fixtures.T0;
import static dev.quorum.plugins.positions.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.HedgeContext;
import dev.quorum.api.HedgeOrder;
import dev.quorum.api.ParameterException;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.Position;
import dev.quorum.testkit.TestMarkets;
import dev.quorum.testkit.TestPortfolio;

/** The drawdown hedge: when it opens, how much, when it closes, and its parameters. */
class HedgeTest {

    private final TestMarkets markets = new TestMarkets(BTC, ETH);
    private final PositionPolicy policy = policy(markets);

    private static Position position(String symbol, Direction direction, double quantity) {
        return new Position(symbol, direction, quantity, 100, T0, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A portfolio whose equity is {@code peak × (1 − drawdown)}, holding the given positions. */
    private static HedgeContext at(double drawdown, TestPortfolio portfolio) {
        return new HedgeContext(T0, BTC, portfolio.withEquity(10_000 * (1 - drawdown)), 10_000);
    }

    private static TestPortfolio holding(Position... open) {
        return TestPortfolio.of(T0, 10_000).with(open);
    }

    @Test
    void belowTheTriggerNothingIsHedged() {
        assertEquals(List.of(), policy.hedge(at(0.0999, holding(position(BTC, Direction.LONG, 2)))));
    }

    @Test
    void atTheTriggerEveryUnhedgedPositionGetsHalfItsNetQuantity() {
        List<HedgeOrder> orders = policy.hedge(at(0.10, holding(position(BTC, Direction.LONG, 2),
                position(ETH, Direction.SHORT, 3))));
        assertEquals(2, orders.size());
        assertEquals(HedgeOrder.Action.OPEN, orders.get(0).action());
        assertEquals(BTC, orders.get(0).symbol());
        assertEquals(1.0, orders.get(0).quantity(), 1e-12);
        assertEquals(ETH, orders.get(1).symbol());
        assertEquals(1.5, orders.get(1).quantity(), 1e-12);
        assertEquals("drawdown 10.00% (equity 9000.00, peak 10000.00) ≥ 10.00%: 50% of the net 2.0", orders.get(0).note());
    }

    @Test
    void aHedgedPositionIsNotHedgedAgain() {
        TestPortfolio portfolio = holding(position(BTC, Direction.LONG, 2), position(ETH, Direction.LONG, 4))
                .hedged(position(BTC, Direction.SHORT, 1));
        List<HedgeOrder> orders = policy.hedge(at(0.2, portfolio));
        assertEquals(1, orders.size());
        assertEquals(ETH, orders.get(0).symbol());
        assertEquals(2.0, orders.get(0).quantity(), 1e-12);
    }

    @Test
    void betweenReleaseAndTriggerHedgesStayAndNothingOpens() {
        TestPortfolio portfolio = holding(position(BTC, Direction.LONG, 2), position(ETH, Direction.LONG, 4))
                .hedged(position(BTC, Direction.SHORT, 1));
        assertEquals(List.of(), policy.hedge(at(0.0501, portfolio)));
        assertEquals(List.of(), policy.hedge(at(0.0999, portfolio)));
    }

    @Test
    void atTheReleaseLevelEveryHedgeCloses() {
        TestPortfolio portfolio = holding(position(BTC, Direction.LONG, 2), position(ETH, Direction.LONG, 4))
                .hedged(position(BTC, Direction.SHORT, 1), position(ETH, Direction.SHORT, 2));
        List<HedgeOrder> orders = policy.hedge(at(0.05, portfolio));
        assertEquals(List.of(HedgeOrder.Action.CLOSE, HedgeOrder.Action.CLOSE), orders.stream().map(HedgeOrder::action).toList());
        assertEquals(List.of(BTC, ETH), orders.stream().map(HedgeOrder::symbol).toList());
        assertEquals("drawdown 5.00% (equity 9500.00, peak 10000.00) ≤ 5.00%", orders.get(0).note());
    }

    @Test
    void theShareAndThresholdsAreParameters() {
        PositionPolicy custom = policy(markets, "hedgeDrawdown", 0.02, "hedgeShare", 0.25, "hedgeRelease", 0.0);
        List<HedgeOrder> orders = custom.hedge(at(0.02, holding(position(BTC, Direction.LONG, 4))));
        assertEquals(1.0, orders.get(0).quantity(), 1e-12);
        // release 0: only back at the peak
        TestPortfolio hedged = holding(position(BTC, Direction.LONG, 4)).hedged(position(BTC, Direction.SHORT, 1));
        assertEquals(List.of(), custom.hedge(at(0.0001, hedged)));
        assertEquals(1, custom.hedge(at(0, hedged)).size());
    }

    @Test
    void withoutHedgingThePolicyDoesNotOverrideHedge() throws Exception {
        PositionPolicy off = policy(markets, "hedgeDrawdown", 0.0);
        assertEquals(PositionPolicy.class, off.getClass().getMethod("hedge", HedgeContext.class).getDeclaringClass());
        assertNotEquals(PositionPolicy.class, policy.getClass().getMethod("hedge", HedgeContext.class).getDeclaringClass());
        assertTrue(off.hedge(at(0.5, holding(position(BTC, Direction.LONG, 1)))).isEmpty());
    }

    @Test
    void aReleaseLevelAtOrAboveTheTriggerIsRefused() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> policy(markets, "hedgeDrawdown", 0.05, "hedgeRelease", 0.05));
        assertEquals("hedgeRelease", e.parameter());
        assertEquals(0.05, e.value());
        assertTrue(e.expected().startsWith("below hedgeDrawdown = 0.05"), e.expected());
        // with hedging off the release level is not read
        assertFalse(policy(markets, "hedgeDrawdown", 0.0, "hedgeRelease", 0.5) instanceof AdaptiveExitsPolicy.Hedging);
    }
}
