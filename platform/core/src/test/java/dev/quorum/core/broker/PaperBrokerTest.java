package dev.quorum.core.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.Fill;
import dev.quorum.api.Order;
import dev.quorum.api.Side;
import dev.quorum.api.Timeframe;

/**
 * The paper broker's rules, each on a hand-built bar: where market, limit and stop orders fill, which fee
 * and slippage they pay, when they are stamped, how a participation cap spreads an order over bars, and
 * how a one-cancels-other stop and limit resolve. Maker fee 0.02%, taker fee 0.05%, so the two differ.
 */
class PaperBrokerTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final double MAKER = 0.0002;
    private static final double TAKER = 0.0005;

    // ---- market orders and fixed slippage ----

    @Test
    void aMarketBuyFillsAtTheOpenPlusFixedSlippageAndPaysTheTakerFee() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new FixedSlippage(10));
        broker.submit(Order.market(1, "X", Side.BUY, 2, T0));
        Fill f = only(broker.onBar(bar(1, 100, 101, 99, 100.5, 1000)));
        assertEquals(100 * 1.001, f.price(), 1e-12, "10 bps above the open");
        assertEquals(2 * 100 * 1.001 * TAKER, f.fee(), 1e-12);
        assertEquals(Fill.Liquidity.TAKER, f.liquidity());
        assertEquals(2 * 0.1, f.slippage(), 1e-9, "2 units x 0.10 above the open");
        assertEquals(minute(1), f.time(), "a fill at the open is stamped with the open time");
        assertEquals(0, f.remaining());
        assertFalse(broker.hasMarketOrder("X"));
    }

    @Test
    void aMarketSellReceivesTheOpenMinusFixedSlippage() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new FixedSlippage(10));
        broker.submit(Order.market(1, "X", Side.SELL, 2, T0));
        Fill f = only(broker.onBar(bar(1, 100, 101, 99, 100.5, 1000)));
        assertEquals(100 * 0.999, f.price(), 1e-12, "10 bps below the open");
        assertEquals(2 * 100 * 0.999 * TAKER, f.fee(), 1e-12);
    }

    @Test
    void withoutSlippageAMarketOrderFillsAtTheOpenExactly() {
        PaperBroker broker = new PaperBroker(0.001);
        broker.submit(Order.market(1, "X", Side.BUY, 3, T0));
        Fill f = only(broker.onBar(bar(1, 99.5, 101, 99, 100.5, 1000)));
        assertEquals(99.5, f.price());
        assertEquals(3 * 99.5 * 0.001, f.fee());
        assertEquals(0, f.slippage());
    }

    // ---- limit orders: maker fee, no slippage ----

    @Test
    void aLimitBuyFillsAtTheOpenWhenTheOpenIsAtOrBelowTheLimit() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new FixedSlippage(10));
        broker.submit(Order.limit(1, "X", Side.BUY, 1, T0, 100));
        Fill f = only(broker.onBar(bar(1, 99, 99.5, 98, 99.2, 1000)));
        assertEquals(99, f.price(), "the open, not the limit, and no slippage on a limit");
        assertEquals(99 * MAKER, f.fee(), 1e-12);
        assertEquals(Fill.Liquidity.MAKER, f.liquidity());
        assertEquals(0, f.slippage());
        assertEquals(minute(1), f.time());
    }

    @Test
    void aLimitBuyFillsAtTheLimitWhenTheLowReachesItStampedAtTheClose() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new FixedSlippage(10));
        broker.submit(Order.limit(1, "X", Side.BUY, 1, T0, 100));
        Fill f = only(broker.onBar(bar(1, 101, 102, 100, 101.5, 1000)));
        assertEquals(100, f.price());
        assertEquals(100 * MAKER, f.fee(), 1e-12);
        assertEquals(minute(2), f.time(), "a fill inside the bar is known at its close");
    }

    @Test
    void aLimitBuyAboveTheBarDoesNotFillAndKeepsResting() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new NoSlippage());
        broker.submit(Order.limit(1, "X", Side.BUY, 1, T0, 100));
        assertTrue(broker.onBar(bar(1, 101, 102, 100.01, 101.5, 1000)).isEmpty());
        assertEquals(1, broker.remaining(1).getAsDouble());
        assertEquals(100, only(broker.onBar(bar(2, 100.5, 100.6, 99.9, 100, 1000))).price(), "it fills on a later bar");
    }

    @Test
    void aLimitSellMirrors() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new FixedSlippage(10));
        broker.submit(Order.limit(1, "X", Side.SELL, 1, T0, 100));
        broker.submit(Order.limit(2, "Y", Side.SELL, 1, T0, 100));
        broker.submit(Order.limit(3, "Z", Side.SELL, 1, T0, 100));
        assertEquals(101, only(broker.onBar(bar("X", 1, 101, 102, 100.5, 101.5, 1000))).price(), "open at or above the limit");
        Fill inside = only(broker.onBar(bar("Y", 1, 99, 100.2, 98.5, 99.5, 1000)));
        assertEquals(100, inside.price(), "the high reaches the limit");
        assertEquals(minute(2), inside.time());
        assertTrue(broker.onBar(bar("Z", 1, 99, 99.9, 98.5, 99.5, 1000)).isEmpty(), "the high stays below the limit");
    }

    // ---- stop orders: taker fee and slippage ----

    @Test
    void aStopBuyFillsAtTheOpenWhenTheOpenIsAtOrAboveTheStop() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new FixedSlippage(10));
        broker.submit(Order.stop(1, "X", Side.BUY, 1, T0, 100));
        Fill f = only(broker.onBar(bar(1, 102, 103, 101, 102.5, 1000)));
        assertEquals(102 * 1.001, f.price(), 1e-12, "the open plus slippage");
        assertEquals(102 * 1.001 * TAKER, f.fee(), 1e-12);
        assertEquals(Fill.Liquidity.TAKER, f.liquidity());
        assertEquals(minute(1), f.time());
    }

    @Test
    void aStopBuyFillsAtTheStopWhenTheHighReachesIt() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new FixedSlippage(10));
        broker.submit(Order.stop(1, "X", Side.BUY, 1, T0, 100));
        broker.submit(Order.stop(2, "Y", Side.BUY, 1, T0, 100));
        Fill f = only(broker.onBar(bar("X", 1, 99, 100.5, 98.5, 100.2, 1000)));
        assertEquals(100 * 1.001, f.price(), 1e-12, "the stop plus slippage");
        assertEquals(minute(2), f.time());
        assertTrue(broker.onBar(bar("Y", 1, 99, 99.99, 98.5, 99.5, 1000)).isEmpty(), "the high stays below the stop");
    }

    @Test
    void aStopSellMirrors() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new FixedSlippage(10));
        broker.submit(Order.stop(1, "X", Side.SELL, 1, T0, 100));
        broker.submit(Order.stop(2, "Y", Side.SELL, 1, T0, 100));
        broker.submit(Order.stop(3, "Z", Side.SELL, 1, T0, 100));
        assertEquals(98 * 0.999, only(broker.onBar(bar("X", 1, 98, 99, 97, 98.5, 1000))).price(), 1e-12, "gap below: the open");
        Fill inside = only(broker.onBar(bar("Y", 1, 101, 101.5, 99.5, 100.5, 1000)));
        assertEquals(100 * 0.999, inside.price(), 1e-12, "the low reaches the stop");
        assertEquals(minute(2), inside.time());
        assertTrue(broker.onBar(bar("Z", 1, 101, 101.5, 100.01, 100.5, 1000)).isEmpty());
    }

    // ---- one-cancels-other: the stop-loss wins ----

    @Test
    void whenABarReachesBothTheStopAndTheLimitOfAGroupTheStopWinsAndTheLimitIsCancelled() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new NoSlippage());
        broker.submitOco(List.of(Order.stop(1, "X", Side.SELL, 5, T0, 98), Order.limit(2, "X", Side.SELL, 5, T0, 104)));
        Fill f = only(broker.onBar(bar(1, 100, 105, 97, 101, 1000)));
        assertEquals(1, f.orderId());
        assertEquals(98, f.price());
        assertTrue(broker.working(2).isEmpty(), "the take-profit is cancelled");
    }

    @Test
    void aLimitOfAGroupThatFillsReducesTheStopByWhatItFilled() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new VolumeParticipation(0, 0, 0.1));
        broker.submitOco(List.of(Order.stop(1, "X", Side.SELL, 50, T0, 98), Order.limit(2, "X", Side.SELL, 50, T0, 104)));
        Fill f = only(broker.onBar(bar(1, 100, 105, 99, 104.5, 200)));
        assertEquals(2, f.orderId());
        assertEquals(20, f.quantity(), "10% of 200");
        assertEquals(30, f.remaining());
        assertEquals(30, broker.remaining(1).getAsDouble(), "the stop now covers what is left");
    }

    // ---- volume participation ----

    @Test
    void aLargeMarketOrderFillsOverSeveralBarsWithAnImpactThatGrowsWithParticipation() {
        // bps 5, impact 0.1, at most 10% of a bar's volume
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new VolumeParticipation(5, 0.1, 0.1));
        broker.submit(Order.market(1, "X", Side.BUY, 25, T0));

        // bar 1, volume 100: 10 units; s = 0.0005 + 0.1 x 10/100 = 0.0105
        Fill f1 = only(broker.onBar(bar(1, 100, 101, 99, 100, 100)));
        assertEquals(10, f1.quantity());
        assertEquals(100 * 1.0105, f1.price(), 1e-9);
        assertEquals(15, f1.remaining());
        assertEquals(10 * 1.05, f1.slippage(), 1e-9);
        assertTrue(broker.hasMarketOrder("X"), "the rest keeps working");

        // bar 2, volume 0: nothing trades, nothing fills
        assertTrue(broker.onBar(bar(2, 100, 100, 100, 100, 0)).isEmpty());

        // bar 3, volume 1,000: the remaining 15 (1.5%); s = 0.0005 + 0.1 x 0.015 = 0.002, at the open 102
        Fill f3 = only(broker.onBar(bar(3, 102, 103, 101, 102, 1000)));
        assertEquals(15, f3.quantity());
        assertEquals(102 * 1.002, f3.price(), 1e-9);
        assertEquals(15 * 102 * 1.002 * TAKER, f3.fee(), 1e-9);
        assertEquals(0, f3.remaining());
        assertFalse(broker.hasMarketOrder("X"));
    }

    @Test
    void aSellIsPushedDownByTheSameImpact() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new VolumeParticipation(5, 0.1, 0.1));
        broker.submit(Order.market(1, "X", Side.SELL, 4, T0));
        Fill f = only(broker.onBar(bar(1, 100, 101, 99, 100, 100)));
        assertEquals(4, f.quantity());
        assertEquals(100 * (1 - (0.0005 + 0.1 * 0.04)), f.price(), 1e-9);
    }

    @Test
    void theCapIsSharedByEveryOrderOnTheSymbolWithinABar() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new VolumeParticipation(0, 0, 0.1));
        broker.submit(Order.market(1, "X", Side.BUY, 6, T0));
        broker.submit(Order.stop(2, "X", Side.SELL, 10, T0, 99));
        List<Fill> fills = broker.onBar(bar(1, 100, 100, 98, 99, 100));
        assertEquals(2, fills.size());
        assertEquals(6, fills.get(0).quantity(), "the market order at the open");
        assertEquals(4, fills.get(1).quantity(), "the stop gets what is left of the bar's 10");
        assertEquals(6, broker.remaining(2).getAsDouble());
        assertEquals(Order.Type.MARKET, broker.working(2).orElseThrow().type(), "a triggered stop's rest is a market order now");
        Fill next = only(broker.onBar(bar(2, 97, 97.5, 96, 97, 100)));
        assertEquals(6, next.quantity());
        assertEquals(97, next.price(), "at the next open");
        assertEquals(minute(2), next.time());
    }

    @Test
    void aLimitUnderTheCapFillsInPartsAtItsLevelWithoutImpact() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new VolumeParticipation(5, 0.1, 0.5));
        broker.submit(Order.limit(1, "X", Side.BUY, 30, T0, 100));
        Fill f = only(broker.onBar(bar(1, 101, 102, 99.5, 101, 40)));
        assertEquals(20, f.quantity());
        assertEquals(100, f.price(), "no slippage or impact on a limit fill");
        assertEquals(20 * 100 * MAKER, f.fee(), 1e-9);
        assertEquals(10, f.remaining());
    }

    @Test
    void anExecutionModelThatExecutesMoreThanIsLeftIsRefused() {
        ExecutionModel greedy = new ExecutionModel() {
            @Override
            public java.util.Optional<Execution> execute(Order order, double remaining, Bar bar, double touch, double taken) {
                return java.util.Optional.of(new Execution(remaining * 2, touch));
            }

            @Override
            public double expectedSlippage() {
                return 0;
            }
        };
        PaperBroker broker = new PaperBroker(MAKER, TAKER, greedy);
        broker.submit(Order.market(1, "X", Side.BUY, 1, T0));
        assertThrows(IllegalStateException.class, () -> broker.onBar(bar(1, 100, 100, 100, 100, 10)));
    }

    @Test
    void ordersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Order.limit(1, "X", Side.BUY, 1, T0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Order(1, "X", Side.BUY, 1, T0, Order.Type.MARKET, java.util.OptionalDouble.of(100)));
        assertThrows(IllegalArgumentException.class,
                () -> new Order(1, "X", Side.BUY, 1, T0, Order.Type.STOP, java.util.OptionalDouble.empty()));
        PaperBroker broker = new PaperBroker(0.001);
        broker.submit(Order.market(1, "X", Side.BUY, 1, T0));
        assertThrows(IllegalStateException.class, () -> broker.submit(Order.market(2, "X", Side.SELL, 1, T0)),
                "one market order per symbol at a time");
    }

    private static Fill only(List<Fill> fills) {
        assertEquals(1, fills.size(), "fills: " + fills);
        return fills.get(0);
    }

    private static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    private static Bar bar(int minute, double open, double high, double low, double close, double volume) {
        return bar("X", minute, open, high, low, close, volume);
    }

    private static Bar bar(String symbol, int minute, double open, double high, double low, double close, double volume) {
        return new Bar(symbol, Timeframe.M1, minute(minute), open, high, low, close, volume);
    }
}
