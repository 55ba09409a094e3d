package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Fill;
import dev.quorum.api.MarketView;
import dev.quorum.api.Signal;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.risk.RiskChain;

/** The engine's trading rules, each on a few hand-built bars. Fee 0.1%, default stop 2% and target 4%. */
class BacktestRulesTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final double FEE = 0.001;

    private final List<Fill> fills = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @Test
    void aDecisionFillsAtTheNextBarsOpenWithTheFee() {
        run(view -> Signal.buy(1), bar(0, 100, 101, 99, 100), bar(1, 99.5, 101, 99.4, 100.8));
        Fill entry = fills.get(0);
        assertEquals(99.5, entry.price());
        assertEquals(T0.plusSeconds(60), entry.time());
        assertEquals(10_000 / (100 * (1 + FEE)), entry.quantity(), 1e-9, "all free equity at the decision close, net of fee");
        assertEquals(entry.quantity() * 99.5 * FEE, entry.fee(), 1e-9);
        Trade t = trades.get(0);
        assertEquals(ExitReason.END_OF_DATA, t.exitReason());
        assertEquals(100.8, t.exitPrice());
        assertEquals((100.8 - 99.5) * t.quantity() - t.quantity() * (99.5 + 100.8) * FEE, t.pnl(), 1e-9);
    }

    @Test
    void whenStopAndTargetAreBothInsideOneBarTheStopWins() {
        // stop 98, target 104 from the decision close of 100; bar 2 spans 97..105
        run(view -> view.position().isPresent() ? Signal.flat() : Signal.buy(1),
                bar(0, 100, 100, 100, 100), bar(1, 100, 101, 99, 100), bar(2, 100, 105, 97, 101));
        Trade t = trades.get(0);
        assertEquals(ExitReason.STOP_LOSS, t.exitReason());
        assertEquals(98.0, t.exitPrice(), 1e-9);
    }

    @Test
    void aBarOpeningBeyondTheStopExitsAtTheOpen() {
        run(view -> view.position().isPresent() ? Signal.flat() : Signal.buy(1),
                bar(0, 100, 100, 100, 100), bar(1, 100, 101, 99, 100), bar(2, 95, 96, 94, 95.5));
        assertEquals(ExitReason.STOP_LOSS, trades.get(0).exitReason());
        assertEquals(95.0, trades.get(0).exitPrice());
    }

    @Test
    void aTargetInsideTheBarExitsAtTheTarget() {
        run(view -> view.position().isPresent() ? Signal.flat() : Signal.buy(1),
                bar(0, 100, 100, 100, 100), bar(1, 100, 101, 99.5, 100), bar(2, 101, 104.5, 100.5, 104));
        assertEquals(ExitReason.TAKE_PROFIT, trades.get(0).exitReason());
        assertEquals(104.0, trades.get(0).exitPrice(), 1e-9);
    }

    @Test
    void anOppositeConsensusClosesAtTheNextOpen() {
        run(view -> view.bar().close() < 100 ? Signal.sell(1) : Signal.buy(1),
                bar(0, 100, 100, 100, 100), bar(1, 100, 100.5, 99.5, 99.8), bar(2, 99.7, 99.9, 99.6, 99.7));
        Trade t = trades.get(0);
        assertEquals(Direction.LONG, t.direction());
        assertEquals(ExitReason.SIGNAL, t.exitReason());
        assertEquals(99.7, t.exitPrice());
        assertEquals(T0.plusSeconds(120), t.exitTime());
    }

    @Test
    void aShortGainsWhenThePriceFalls() {
        run(view -> Signal.sell(1), bar(0, 100, 100, 100, 100), bar(1, 100, 100, 99, 99), bar(2, 99, 99, 98.5, 98.5));
        Trade t = trades.get(0);
        assertEquals(Direction.SHORT, t.direction());
        assertEquals((100 - 98.5) * t.quantity() - t.quantity() * (100 + 98.5) * FEE, t.pnl(), 1e-9);
        assertTrue(t.pnl() > 0);
    }

    @Test
    void aGapInTheDataIsNotFilledAndTheOrderWaitsForTheNextBar() {
        // minute 1 is missing: the decision at minute 0 fills at minute 2's open
        run(view -> Signal.buy(1), bar(0, 100, 100, 100, 100), bar(2, 100.2, 100.3, 100.1, 100.2));
        assertEquals(T0.plusSeconds(120), fills.get(0).time());
        assertEquals(100.2, fills.get(0).price());
    }

    @Test
    void aThrowingBotVotesFlatIsCountedAndIsSuspendedAfterMaxErrors() {
        Bot good = bot("good", view -> Signal.buy(1), 3);
        Bot bad = bot("bad", view -> {
            throw new IllegalStateException("boom");
        }, 3);
        EngineResult result = engine(List.of(good, bad)).run(BarStream.of(List.of(bar(0, 100, 100, 100, 100),
                bar(1, 100, 100, 100, 100), bar(2, 100, 100, 100, 100), bar(3, 100, 100, 100, 100)).iterator()), ProgressListener.NONE);
        BotReport badReport = result.bots().get(1);
        assertTrue(badReport.suspended());
        assertEquals(3, badReport.errors());
        assertTrue(badReport.lastError().contains("boom"));
        assertEquals(3, errors.size());
        // "good" alone has half the vote (0.5 < 0.6), before and after "bad" is suspended: a suspended
        // bot keeps its place as FLAT, so broken bots never leave one bot to trade on its own
        assertTrue(fills.isEmpty());
        assertFalse(result.bots().get(0).suspended());
    }

    @Test
    void aSymbolWhoseDataEndsBeforeTheRunsClosesAtItsLastBarAndFreesItsEquity() {
        // A's data ends at minute 2, B's goes on to minute 5; both bots always want to buy. A takes all equity at
        // minute 1. Told where A's data ends, the engine closes A there (END_OF_DATA at A's last close, stamped
        // with that bar's close time) before B's bar of the same minute, so B decides to enter with that equity at
        // minute 2's close and fills at minute 3's open; not told, A holds the equity to the end.
        List<Bar> data = List.of(bar("A", 0, 100), bar("B", 0, 50), bar("A", 1, 100), bar("B", 1, 50), bar("A", 2, 101),
                bar("B", 2, 50), bar("B", 3, 50), bar("B", 4, 50), bar("B", 5, 50));
        Bot bot = new Bot("bot", "bot", "test-plugin", Map.of("A", view -> Signal.buy(1), "B", view -> Signal.buy(1)), 5,
                (p, w, e) -> errors.add(e));
        engine(List.of(bot), Map.of("A", T0.plusSeconds(120))).run(BarStream.of(data.iterator()), ProgressListener.NONE);
        Trade a = trades.stream().filter(t -> t.symbol().equals("A")).findFirst().orElseThrow();
        assertEquals(ExitReason.END_OF_DATA, a.exitReason());
        assertEquals(101.0, a.exitPrice());
        assertEquals(T0.plusSeconds(180), a.exitTime(), "the close time of A's last bar");
        Fill bEntry = fills.stream().filter(f -> f.symbol().equals("B") && f.side() == dev.quorum.api.Side.BUY).findFirst().orElseThrow();
        assertEquals(T0.plusSeconds(180), bEntry.time(), "B enters at the open after A's equity came free");

        fills.clear();
        trades.clear();
        engine(List.of(bot), Map.of()).run(BarStream.of(data.iterator()), ProgressListener.NONE);
        assertTrue(fills.stream().noneMatch(f -> f.symbol().equals("B") && f.side() == dev.quorum.api.Side.BUY),
                "without the data's end, A holds all the equity to the end of the run");
        assertEquals(T0.plusSeconds(180), trades.get(0).exitTime(), "and closes at its last bar's close time then");
    }

    @Test
    void symbolsDecidingOnTheSameMinuteCannotSpendTheSameEquity() {
        Bot bot = new Bot("bot", "bot", "test-plugin", Map.of("A", view -> Signal.buy(1), "B", view -> Signal.buy(1)), 5,
                (p, w, e) -> errors.add(e));
        engine(List.of(bot)).run(BarStream.of(List.of(bar("A", 0, 100), bar("B", 0, 100), bar("A", 1, 100),
                bar("B", 1, 100)).iterator()), ProgressListener.NONE);
        double qa = 10_000 / (100 * (1 + FEE));
        assertEquals(qa, fills.get(0).quantity(), 1e-9, "A takes all free equity");
        assertEquals(0, (10_000 - qa * 100 * (1 + FEE)) / (100 * (1 + FEE)), 1e-9);
        assertEquals(1, fills.stream().filter(f -> f.side() == dev.quorum.api.Side.BUY).count(),
                "B had nothing left: A's entry reserved its notional and fee until it filled");
    }

    @Test
    void anEntryWhoseOpenGapsUpShrinksToWhatEquityBuys() {
        run(view -> Signal.buy(1), bar(0, 100, 100, 100, 100), bar(1, 110, 110, 110, 110));
        assertEquals(10_000 / (110 * (1 + FEE)), fills.get(0).quantity(), 1e-9);
        assertTrue(notes.get(0).contains("clipped at the fill"), notes.get(0));
    }

    @Test
    void aSignalWithAStopOnTheWrongSideIsAnError() {
        Bot bot = bot("wrong", view -> Signal.buy(1).withStopLoss(view.bar().close() * 2), 10);
        engine(List.of(bot)).run(BarStream.of(List.of(bar(0, 100, 100, 100, 100), bar(1, 100, 100, 100, 100)).iterator()),
                ProgressListener.NONE);
        assertTrue(fills.isEmpty());
        assertEquals(2, errors.size());
        assertTrue(errors.get(0).contains("stop-loss 200.0 is on the wrong side of the close 100.0"), errors.get(0));
    }

    private void run(Function<MarketView, Signal> strategy, Bar... bars) {
        engine(List.of(bot("bot", strategy::apply, 5))).run(BarStream.of(List.of(bars).iterator()), ProgressListener.NONE);
    }

    private Backtest engine(List<Bot> bots) {
        return engine(bots, Map.of());
    }

    private Backtest engine(List<Bot> bots, Map<String, Instant> dataEnds) {
        EngineConfig config = new EngineConfig(10_000.0, 0.6, true, 5, 100, 0.02, 0.04);
        RunSink sink = new RunSink() {
            @Override
            public void onEntry(Fill fill) {
                fills.add(fill);
            }

            @Override
            public void onExit(Fill fill, ClosedTrade trade) {
                fills.add(fill);
                trades.add(trade.trade());
                notes.add(trade.notes());
            }
        };
        Map<String, SymbolFeed> feeds = new java.util.HashMap<>();
        for (String symbol : List.of("TEST", "A", "B")) {
            feeds.put(symbol, new SymbolFeed(symbol, Timeframe.M1, List.of(), 100));
        }
        return new Backtest(config, bots, new RiskChain(List.of(), (p, w, e) -> errors.add(e)), dev.quorum.core.position.PositionDesk.none(),
                feeds, dataEnds, new PaperBroker(FEE), sink);
    }

    private Bot bot(String name, dev.quorum.api.StrategyInstance instance, int maxErrors) {
        return new Bot(name, name, "test-plugin", Map.of("TEST", instance), maxErrors, (p, w, e) -> errors.add(e));
    }

    private static Bar bar(int minute, double open, double high, double low, double close) {
        return new Bar("TEST", Timeframe.M1, T0.plusSeconds(60L * minute), open, high, low, close, 1);
    }

    private static Bar bar(String symbol, int minute, double price) {
        return new Bar(symbol, Timeframe.M1, T0.plusSeconds(60L * minute), price, price, price, price, 1);
    }
}
