package dev.quorum.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Fill;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Side;
import dev.quorum.api.Trade;

/** Accounting with partial fills, long and short: cash, average prices, realised and unrealised PnL, fees, the trade. */
class PortfolioTest {

    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void aLongBuiltAndRunDownInPartsKeepsTheAccountingIdentityAndBecomesOneTrade() {
        Portfolio p = new Portfolio(10_000);
        p.open(fill(Side.BUY, 10, 100, 1.0, 1), OptionalDouble.empty(), OptionalDouble.empty(), List.of("bot"), "");
        p.add(fill(Side.BUY, 30, 104, 3.12, 2));
        assertEquals(40, p.position("X").orElseThrow().position().quantity());
        assertEquals((10 * 100 + 30 * 104) / 40.0, p.position("X").orElseThrow().position().entryPrice(), 1e-12, "average entry 103");
        assertEquals(T.plusSeconds(60), p.position("X").orElseThrow().position().entryTime(), "the first entry fill's time");
        p.mark("X", 105);
        identity(p);
        assertEquals(40 * (105 - 103), p.unrealisedPnl(), 1e-9);
        assertEquals(40 * 105, p.exposure(), 1e-9);

        assertEquals(Optional.empty(), p.reduce(fill(Side.SELL, 15, 106, 1.59, 3), ExitReason.TAKE_PROFIT));
        assertEquals(25, p.position("X").orElseThrow().position().quantity(), 1e-12);
        assertEquals(15 * 3, p.realisedPnl(), 1e-9);
        identity(p);

        Trade t = p.reduce(fill(Side.SELL, 25, 101, 2.525, 4), ExitReason.STOP_LOSS).orElseThrow().trade();
        assertTrue(p.position("X").isEmpty());
        assertEquals(40, t.quantity());
        assertEquals(103, t.entryPrice(), 1e-12);
        assertEquals((15 * 106 + 25 * 101) / 40.0, t.exitPrice(), 1e-12);
        assertEquals(1.0 + 3.12 + 1.59 + 2.525, t.fees(), 1e-12);
        assertEquals(15 * 3 + 25 * -2 - t.fees(), t.pnl(), 1e-9);
        assertEquals(ExitReason.STOP_LOSS, t.exitReason(), "the exit that made it flat");
        assertEquals(T.plusSeconds(240), t.exitTime());
        assertEquals(10_000 + t.pnl(), p.cash(), 1e-9);
        identity(p);
    }

    @Test
    void aShortIsCreditedOnEntryAndPaysOnExitWithTheSameIdentity() {
        Portfolio p = new Portfolio(1_000);
        p.open(fill(Side.SELL, 2, 50, 0.1, 1), OptionalDouble.empty(), OptionalDouble.empty(), List.of(), "");
        p.add(fill(Side.SELL, 2, 48, 0.096, 2));
        assertEquals(1_000 + 4 * 49 - 0.196, p.cash(), 1e-9, "sales credited, fees paid");
        p.mark("X", 45);
        assertEquals(4 * (49 - 45), p.unrealisedPnl(), 1e-9, "a short gains when the price falls");
        identity(p);
        p.reduce(fill(Side.BUY, 1, 46, 0.046, 3), ExitReason.SIGNAL);
        identity(p);
        Trade t = p.reduce(fill(Side.BUY, 3, 44, 0.132, 4), ExitReason.SIGNAL).orElseThrow().trade();
        assertEquals(Direction.SHORT, t.direction());
        assertEquals((46 + 3 * 44) / 4.0, t.exitPrice(), 1e-12);
        assertEquals(1 * 3 + 3 * 5 - t.fees(), t.pnl(), 1e-9);
        assertEquals(1_000 + t.pnl(), p.equity(), 1e-9);
    }

    @Test
    void aPartlyFilledEntryKeepsReservingItsRestInProportion() {
        Portfolio p = new Portfolio(10_000);
        OrderIntent intent = new OrderIntent("X", Direction.LONG, 50, 100, T, 1, List.of(), OptionalDouble.empty(), OptionalDouble.empty());
        p.addPending(new PendingEntry(1, intent, "", 5_005));
        assertEquals(10_000 - 5_005, p.freeEquity(), 1e-9);
        p.open(fill(Side.BUY, 20, 100, 2, 1), OptionalDouble.empty(), OptionalDouble.empty(), List.of(), "");
        p.replacePending(p.pending(1).orElseThrow().remaining(30));
        assertEquals(30, p.pendingAllOn("X").get(0).intent().quantity());
        assertEquals(5_005 * 30 / 50.0, p.pending(1).orElseThrow().reserved(), 1e-9);
        p.mark("X", 100);
        assertEquals(10_000 - 2 - 20 * 100 - 3_003, p.freeEquity(), 1e-9, "equity minus the position minus the rest's reservation");
        assertEquals(30, p.snapshot(T).pendingEntries().get(0).quantity(), "plugins see the quantity still to fill");
    }

    @Test
    void anExitLargerThanThePositionOrOnTheWrongSideIsRefused() {
        Portfolio p = new Portfolio(10_000);
        p.open(fill(Side.BUY, 10, 100, 1, 1), OptionalDouble.empty(), OptionalDouble.empty(), List.of(), "");
        assertThrows(IllegalStateException.class, () -> p.reduce(fill(Side.SELL, 11, 100, 1, 2), ExitReason.SIGNAL));
        assertThrows(IllegalStateException.class, () -> p.reduce(fill(Side.BUY, 1, 100, 1, 2), ExitReason.SIGNAL));
    }

    @Test
    void aHedgeIsASecondBookOnTheSymbolThatCountsInEquityAndClosesIntoAHedgeTrade() {
        Portfolio p = new Portfolio(10_000);
        p.open(fill(Side.BUY, 10, 100, 1.0, 1), OptionalDouble.empty(), OptionalDouble.empty(), List.of("bot"), "");
        assertThrows(IllegalStateException.class, () -> p.openHedge(fill(Side.BUY, 5, 100, 0.5, 2), ""),
                "a hedge is opposite to its position");
        p.openHedge(fill(Side.SELL, 5, 100, 0.5, 2), "");
        p.mark("X", 90);
        // the long loses 10 × 10, the hedge earns 5 × 10: net 5 units exposed
        assertEquals(-100 + 50, p.unrealisedPnl(), 1e-9);
        assertEquals(10_000 - 1.0 - 0.5 - 50, p.equity(), 1e-9);
        assertEquals(15 * 90, p.exposure(), 1e-9, "gross: both books");
        assertEquals(p.equity() - 15 * 90, p.freeEquity(), 1e-9, "the hedge's notional is committed too");
        PortfolioSnapshot s = p.snapshot(T);
        assertEquals(1, s.hedges().size());
        assertEquals(Direction.SHORT, s.hedge("X").orElseThrow().direction());
        assertEquals(Direction.LONG, s.position("X").orElseThrow().direction());
        identity(p);

        Trade hedge = p.reduceHedge(fill(Side.BUY, 5, 90, 0.45, 3), ExitReason.HEDGE_RELEASED).orElseThrow().trade();
        assertTrue(hedge.hedge());
        assertEquals(List.of(), hedge.bots());
        assertEquals(5 * 10 - 0.5 - 0.45, hedge.pnl(), 1e-9);
        assertEquals(null, p.hedgeOn("X"));
        assertEquals(10, p.position("X").orElseThrow().position().quantity(), "the position is untouched");
        identity(p);
        Trade main = p.reduce(fill(Side.SELL, 10, 90, 0.9, 4), ExitReason.SIGNAL).orElseThrow().trade();
        assertTrue(!main.hedge());
        assertEquals(hedge.id() + 1, main.id(), "one sequence of trade ids");
        assertEquals(10_000 + hedge.pnl() + main.pnl(), p.cash(), 1e-9);
    }

    private static void identity(Portfolio p) {
        PortfolioSnapshot s = p.snapshot(T);
        assertEquals(s.initialEquity() + s.realisedPnl() + s.unrealisedPnl() - s.feesPaid(), s.equity(), 1e-9);
        // the API's defaults, as a plugin's test double gets them, agree with the engine's figures
        dev.quorum.api.PortfolioView bare = new dev.quorum.api.PortfolioView() {
            public Instant now() { return s.now(); }
            public double cash() { return s.cash(); }
            public double equity() { return s.equity(); }
            public double initialEquity() { return s.initialEquity(); }
            public List<dev.quorum.api.Position> positions() { return s.positions(); }
            public List<dev.quorum.api.Position> hedges() { return s.hedges(); }
            public List<OrderIntent> pendingEntries() { return s.pendingEntries(); }
            public double lastPrice(String symbol) { return s.lastPrice(symbol); }
            public double feesPaid() { return s.feesPaid(); }
        };
        assertEquals(s.unrealisedPnl(), bare.unrealisedPnl(), 1e-9);
        assertEquals(s.realisedPnl(), bare.realisedPnl(), 1e-9);
    }

    private static Fill fill(Side side, double quantity, double price, double fee, int minute) {
        return new Fill(1, "X", side, quantity, price, fee, T.plusSeconds(60L * minute));
    }
}
