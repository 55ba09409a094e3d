package dev.quorum.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Trade;

/** The summary's edge cases, on hand-made trades. */
class RunSummaryTest {

    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void noTradesLeavesEveryRatioUndefined() {
        RunSummary s = RunSummary.of(List.of(), 1000, T, T.plusSeconds(3600));
        assertEquals(0, s.trades());
        assertTrue(Double.isNaN(s.winRate()));
        assertTrue(Double.isNaN(s.profitFactor()));
        assertTrue(Double.isNaN(s.sharpe()));
        assertEquals(0, s.netPnl());
        assertEquals(0, s.maxDrawdown());
        assertEquals(0, s.exposure());
    }

    @Test
    void onlyWinnersGiveAnInfiniteProfitFactorAndNoDrawdown() {
        RunSummary s = RunSummary.of(List.of(trade(1, 0, 10, 5), trade(2, 20, 30, 7)), 1000, T, T.plusSeconds(3600));
        assertEquals(Double.POSITIVE_INFINITY, s.profitFactor());
        assertEquals(1.0, s.winRate());
        assertEquals(0, s.maxDrawdown());
        assertEquals(20.0 / 60, s.exposure(), 1e-12);
    }

    @Test
    void oneTradeHasNoSharpe() {
        RunSummary s = RunSummary.of(List.of(trade(1, 0, 10, -5)), 1000, T, T.plusSeconds(3600));
        assertTrue(Double.isNaN(s.sharpe()));
        assertEquals(0, s.profitFactor());
        assertEquals(5.0 / 1000, s.maxDrawdown(), 1e-15);
    }

    @Test
    void overlappingPositionsCountOnceInExposure() {
        RunSummary s = RunSummary.of(List.of(trade(1, 0, 30, 1), trade(2, 10, 20, 1), trade(3, 25, 40, 1)), 1000, T,
                T.plusSeconds(100 * 60));
        assertEquals(40.0 / 100, s.exposure(), 1e-12, "minutes 0..40 are covered, once");
    }

    @Test
    void aLossBeyondTheWholeEquityCapsTheDrawdownAtOneAndLeavesSharpeUndefined() {
        RunSummary s = RunSummary.of(List.of(trade(1, 0, 10, -1500), trade(2, 20, 30, 10)), 1000, T, T.plusSeconds(3600));
        assertEquals(1.0, s.maxDrawdown());
        assertTrue(Double.isNaN(s.sharpe()));
    }

    private static Trade trade(long id, int entryMinute, int exitMinute, double pnl) {
        return new Trade(id, "X", Direction.LONG, 1, T.plusSeconds(60L * entryMinute), 100, T.plusSeconds(60L * exitMinute),
                100 + pnl, 0, pnl, ExitReason.SIGNAL, List.of("bot"));
    }
}
