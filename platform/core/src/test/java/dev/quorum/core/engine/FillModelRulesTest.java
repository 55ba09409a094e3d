package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.Side;
import dev.quorum.api.Signal;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.core.broker.FixedSlippage;
import dev.quorum.core.broker.NoSlippage;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.broker.VolumeParticipation;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.risk.RiskChain;

/**
 * The fill model inside the engine, each rule on a few hand-built bars: stop-loss and take-profit as
 * stop and limit orders (maker vs taker fee, long and short, at the open vs at the level), slippage on
 * entries, partial fills of entries and exits with a participation cap, the reservation of an entry's
 * unfilled rest, the end of data, and the accounting a risk module sees.
 * Maker fee 0.02%, taker fee 0.05% unless a test says otherwise; default stop 2%, target 4%.
 */
class FillModelRulesTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final double MAKER = 0.0002;
    private static final double TAKER = 0.0005;

    private final List<Fill> fills = new ArrayList<>();
    private final List<Fill> partialExits = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<PortfolioView> seenByRisk = new ArrayList<>();

    private static final Function<MarketView, Signal> ONCE_LONG = v -> v.position().isPresent() ? Signal.flat() : Signal.buy(1);
    private static final Function<MarketView, Signal> ONCE_SHORT = v -> v.position().isPresent() ? Signal.flat() : Signal.sell(1);

    // ---- stop-loss and take-profit: stop and limit orders, taker and maker fees ----

    @Test
    void aTakeProfitIsALimitFillAtItsLevelPayingTheMakerFee() {
        run(noSlippage(), ONCE_LONG, bar(0, 100, 100, 100, 100), bar(1, 100, 101, 99.5, 100), bar(2, 101, 104.5, 100.5, 104));
        double q = 10_000 / (100 * (1 + TAKER));
        Trade t = trades.get(0);
        assertEquals(ExitReason.TAKE_PROFIT, t.exitReason());
        assertEquals(104, t.exitPrice(), 1e-9);
        assertEquals(minute(3), t.exitTime(), "a level inside the bar is stamped with the bar's close");
        Fill exit = fills.get(1);
        assertEquals(Fill.Liquidity.MAKER, exit.liquidity());
        assertEquals(q * 104 * MAKER, exit.fee(), 1e-9);
        assertEquals(4 * q - q * 100 * TAKER - q * 104 * MAKER, t.pnl(), 1e-9);
    }

    @Test
    void aStopLossIsAStopFillPayingTheTakerFeeAndSlippage() {
        run(new PaperBroker(MAKER, TAKER, new FixedSlippage(10)), ONCE_LONG,
                bar(0, 100, 100, 100, 100), bar(1, 100, 101, 99.5, 100), bar(2, 99.5, 100, 97, 97.5));
        Fill entry = fills.get(0);
        assertEquals(100 * 1.001, entry.price(), 1e-9, "the entry pays 10 bps over the open");
        assertEquals(10_000 / (100 * 1.001 * (1 + TAKER)), entry.quantity(), 1e-9,
                "sized at the decision close plus expected slippage plus fee");
        Trade t = trades.get(0);
        assertEquals(ExitReason.STOP_LOSS, t.exitReason());
        assertEquals(98 * 0.999, t.exitPrice(), 1e-9, "the stop level minus 10 bps");
        Fill exit = fills.get(1);
        assertEquals(Fill.Liquidity.TAKER, exit.liquidity());
        assertEquals(entry.quantity() * 98 * 0.999 * TAKER, exit.fee(), 1e-9);
        assertEquals(minute(3), t.exitTime());
    }

    @Test
    void aShortsTakeProfitIsABuyLimitBelowAndFillsAtTheOpenWhenTheBarOpensBeyondIt() {
        // short at 100: stop 102 (a buy stop), target 96 (a buy limit); bar 2 opens at 95, below the target
        run(noSlippage(), ONCE_SHORT, bar(0, 100, 100, 100, 100), bar(1, 100, 100.5, 99.5, 100), bar(2, 95, 95.5, 94, 95.2));
        Trade t = trades.get(0);
        assertEquals(Direction.SHORT, t.direction());
        assertEquals(ExitReason.TAKE_PROFIT, t.exitReason());
        assertEquals(95, t.exitPrice(), "at the open, which is better than the limit");
        assertEquals(minute(2), t.exitTime(), "a fill at the open is stamped with the open time");
        assertEquals(fills.get(1).quantity() * 95 * MAKER, fills.get(1).fee(), 1e-9);
        assertEquals(Side.BUY, fills.get(1).side());
        double q = t.quantity();
        assertEquals(5 * q - q * 100 * TAKER - q * 95 * MAKER, t.pnl(), 1e-9);
    }

    @Test
    void aShortsTakeProfitInsideTheBarFillsAtTheLimit() {
        run(noSlippage(), ONCE_SHORT, bar(0, 100, 100, 100, 100), bar(1, 100, 100.5, 99.5, 100), bar(2, 99, 99.5, 95.5, 96));
        assertEquals(ExitReason.TAKE_PROFIT, trades.get(0).exitReason());
        assertEquals(96, trades.get(0).exitPrice(), 1e-9);
        assertEquals(minute(3), trades.get(0).exitTime());
    }

    @Test
    void aShortsStopLossIsABuyStopThatFillsAtTheOpenWhenTheBarGapsAboveItWithSlippage() {
        run(new PaperBroker(MAKER, TAKER, new FixedSlippage(10)), ONCE_SHORT,
                bar(0, 100, 100, 100, 100), bar(1, 100, 100.5, 99.5, 100), bar(2, 103, 104, 102.5, 103.5));
        Trade t = trades.get(0);
        assertEquals(ExitReason.STOP_LOSS, t.exitReason());
        assertEquals(103 * 1.001, t.exitPrice(), 1e-9, "the open plus 10 bps: a buy pays more");
        assertEquals(minute(2), t.exitTime());
        assertEquals(100 * 0.999, t.entryPrice(), 1e-9, "the short entry sold 10 bps under the open");
        assertEquals(Fill.Liquidity.TAKER, fills.get(1).liquidity());
    }

    @Test
    void aShortsStopLossInsideTheBarFillsAtTheStop() {
        run(noSlippage(), ONCE_SHORT, bar(0, 100, 100, 100, 100), bar(1, 100, 100.5, 99.5, 100), bar(2, 101, 102.5, 100.5, 101));
        assertEquals(ExitReason.STOP_LOSS, trades.get(0).exitReason());
        assertEquals(102, trades.get(0).exitPrice(), 1e-9);
        assertEquals(minute(3), trades.get(0).exitTime());
    }

    @Test
    void whenStopAndTargetAreBothInsideOneBarTheStopWinsWithSeparateFees() {
        run(noSlippage(), ONCE_LONG, bar(0, 100, 100, 100, 100), bar(1, 100, 101, 99, 100), bar(2, 100, 105, 97, 101));
        assertEquals(1, trades.size());
        assertEquals(ExitReason.STOP_LOSS, trades.get(0).exitReason());
        assertEquals(Fill.Liquidity.TAKER, fills.get(1).liquidity());
        assertEquals(2, fills.size(), "the take-profit was cancelled, not filled as well");
    }

    // ---- partial fills with a participation cap ----

    @Test
    void anEntryFillsOverSeveralBarsBuildingThePositionAndAnExitOverSeveralBarsRunsItDown() {
        // volume model: bps 0, impact 0.1, at most 10% of a bar's volume; no stop or target; fees 0.1%
        PaperBroker broker = new PaperBroker(0.001, 0.001, new VolumeParticipation(0, 0.1, 0.1));
        List<Bar> bars = List.of(
                bar(0, 100, 100, 100, 100, 1_000),     // LONG: Q = 10000 / (100 x 1.001)
                bar(1, 98, 98.5, 97.5, 98, 400),       // 40 @ 98 x (1 + 0.1 x 40/400) = 98.98
                bar(2, 99, 99.5, 98.5, 99, 300),       // 30 @ 99 x 1.01 = 99.99
                bar(3, 99, 99.5, 98.5, 99, 10_000),    // the rest, R = Q - 70, @ 99 x (1 + 0.1 x R/10000); SELL decided
                bar(4, 101, 101.5, 100.5, 101, 300),   // exit 30 @ 101 x (1 - 0.1 x 30/300) = 99.99
                bar(5, 102, 102.5, 101.5, 102, 10_000)); // exit the rest, Q - 30, @ 102 x (1 - 0.1 x (Q-30)/10000)
        run(broker, noStops(), v -> v.bar().openTime().equals(minute(3)) ? Signal.sell(1) : Signal.buy(1), bars);

        double q = 10_000 / (100 * 1.001);
        double r = q - 70;
        double p3 = 99 * (1 + 0.1 * r / 10_000);
        double x2 = 102 * (1 - 0.1 * (q - 30) / 10_000);
        assertEquals(List.of(40.0, 30.0), fills.subList(0, 2).stream().map(Fill::quantity).toList());
        assertEquals(98.98, fills.get(0).price(), 1e-9);
        assertEquals(99.99, fills.get(1).price(), 1e-9);
        assertEquals(r, fills.get(2).quantity(), 1e-9);
        assertEquals(p3, fills.get(2).price(), 1e-9);
        assertEquals(1, partialExits.size(), "the first exit fill left the position open");
        assertEquals(30, partialExits.get(0).quantity(), 1e-9);
        assertEquals(99.99, partialExits.get(0).price(), 1e-9);

        Trade t = trades.get(0);
        double entryValue = 40 * 98.98 + 30 * 99.99 + r * p3;
        double exitValue = 30 * 99.99 + (q - 30) * x2;
        double fees = (entryValue + exitValue) * 0.001;
        assertEquals(q, t.quantity(), 1e-9, "the total quantity entered");
        assertEquals(entryValue / q, t.entryPrice(), 1e-9, "volume-weighted entry price");
        assertEquals(exitValue / q, t.exitPrice(), 1e-9, "volume-weighted exit price");
        assertEquals(fees, t.fees(), 1e-9, "every fill's fee");
        assertEquals(exitValue - entryValue - fees, t.pnl(), 1e-9);
        assertEquals(minute(1), t.entryTime(), "the first entry fill");
        assertEquals(minute(5), t.exitTime(), "the exit fill that made it flat");
        assertEquals(ExitReason.SIGNAL, t.exitReason());
    }

    @Test
    void aTakeProfitThatFillsInPartShrinksTheStopAndTheStopThatClosesTheRestNamesTheTrade() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new VolumeParticipation(0, 0, 0.1));
        run(broker, ONCE_LONG, List.of(bar(0, 100, 100, 100, 100, 10_000), bar(1, 100, 101, 99.5, 100, 10_000),
                bar(2, 101, 104.5, 100.5, 104, 300),    // target 104 reached: 30 of the position (10% of 300)
                bar(3, 103, 103.5, 97, 97.5, 10_000))); // stop 98 reached: the rest
        double q = 10_000 / (100 * (1 + TAKER));
        assertEquals(1, partialExits.size());
        assertEquals(30, partialExits.get(0).quantity(), 1e-9);
        assertEquals(Fill.Liquidity.MAKER, partialExits.get(0).liquidity());
        Trade t = trades.get(0);
        assertEquals(ExitReason.STOP_LOSS, t.exitReason(), "the reason of the exit that made the position flat");
        assertEquals(q, t.quantity(), 1e-9);
        assertEquals((30 * 104 + (q - 30) * 98) / q, t.exitPrice(), 1e-9);
        double fees = q * 100 * TAKER + 30 * 104 * MAKER + (q - 30) * 98 * TAKER;
        assertEquals(fees, t.fees(), 1e-9);
        assertEquals(30 * 4 - (q - 30) * 2 - fees, t.pnl(), 1e-9);
    }

    @Test
    void theUnfilledRestOfAnEntryStaysReservedSoAnotherSymbolCannotSpendIt() {
        PaperBroker broker = new PaperBroker(0.001, 0.001, new VolumeParticipation(0, 0, 0.1));
        // A decides at minute 0 (close 100) and fills 40 of Q at minute 1's open of 99; B decides at minute 1 and may use
        // only what A's cheaper first part saved, not the rest A has reserved and still needs
        Map<String, dev.quorum.api.StrategyInstance> both = Map.of("A", v -> Signal.buy(1),
                "B", v -> v.bar().openTime().equals(minute(1)) ? Signal.buy(1) : Signal.flat());
        Bot bot = new Bot("bot", "bot", "test", both, 5, (p, w, e) -> { });
        engine(broker, noStops(), List.of(bot)).run(BarStream.of(List.of(bar("A", 0, 100, 1_000), bar("B", 0, 100, 1_000_000),
                bar("A", 1, 99, 400), bar("B", 1, 100, 1_000_000), bar("A", 2, 100, 1_000_000), bar("B", 2, 100, 1_000_000)).iterator()),
                ProgressListener.NONE);
        double q = 10_000 / (100 * 1.001);
        double reservedRest = 10_000 * (q - 40) / q;
        double cashAfterA = 10_000 - 40 * 99 - 40 * 99 * 0.001;
        double freeForB = cashAfterA - reservedRest; // equity minus A's marked position minus A's reserved rest
        Fill b = fills.stream().filter(f -> f.symbol().equals("B")).findFirst().orElseThrow();
        assertEquals(freeForB / (100 * 1.001), b.quantity(), 1e-9);
        assertTrue(b.quantity() > 0 && b.quantity() < 1, "B gets about 40 of equity, not the ~6,000 A still needs: " + b.quantity());
        assertEquals(q, fills.stream().filter(f -> f.symbol().equals("A") && f.side() == Side.BUY).mapToDouble(Fill::quantity).sum(), 1e-9,
                "A still fills in full");
    }

    @Test
    void atTheEndOfTheDataTheUnfilledRestIsCancelledAndWhatFilledClosesInFullAtTheLastClose() {
        PaperBroker broker = new PaperBroker(MAKER, TAKER, new VolumeParticipation(0, 0, 0.1));
        run(broker, noStops(), v -> Signal.buy(1), List.of(bar(0, 100, 100, 100, 100, 10_000), bar(1, 100, 101, 99, 100.5, 100)));
        Trade t = trades.get(0);
        assertEquals(10, t.quantity(), 1e-9, "10% of the last bar's 100 filled; the rest was cancelled");
        assertEquals(ExitReason.END_OF_DATA, t.exitReason());
        assertEquals(100.5, t.exitPrice(), "the last close, without slippage");
        assertEquals(minute(2), t.exitTime());
        assertEquals(10 * 100.5 * TAKER, fills.get(1).fee(), 1e-9, "the taker fee");
    }

    // ---- accounting ----

    @Test
    void theSnapshotARiskModuleSeesCarriesRealisedAndUnrealisedPnlAndFees() {
        // trade 1 on A: long 100 -> 104 (take-profit); B enters at minute 3 (fills at 51, inside its stop 49 and target 52);
        // C decides at minute 4 while B is open: its risk check sees the snapshot checked here
        Map<String, dev.quorum.api.StrategyInstance> instances = Map.of("A", ONCE_LONG::apply,
                "B", v -> v.bar().openTime().equals(minute(3)) ? Signal.buy(1) : Signal.flat(),
                "C", v -> v.bar().openTime().equals(minute(4)) ? Signal.buy(1) : Signal.flat());
        Bot bot = new Bot("bot", "bot", "test", instances, 5, (p, w, e) -> { });
        RiskChain halve = new RiskChain(List.of(new RiskChain.Link("capture", "test", (intent, portfolio) -> {
            seenByRisk.add(portfolio);
            return RiskDecision.resize(intent.quantity() / 2, "half");
        })), (p, w, e) -> { });
        new Backtest(new EngineConfig(10_000.0, 0.6, true, 5, 100, 0.02, 0.04), List.of(bot), halve, feeds("A", "B", "C"),
                noSlippage(), sink()).run(BarStream.of(List.of(
                        bar("A", 0, 100, 100, 100, 100), bar("A", 1, 100, 101, 99.5, 100), bar("A", 2, 101, 104.5, 100.5, 104),
                        bar("B", 3, 50, 50, 50, 50), bar("B", 4, 51, 51.5, 50.5, 51.5), bar("C", 4, 20, 20, 20, 20)).iterator()),
                ProgressListener.NONE);
        Trade a = trades.get(0);
        PortfolioView atC = seenByRisk.get(seenByRisk.size() - 1);
        double qa = a.quantity();
        double qb = fills.stream().filter(f -> f.symbol().equals("B")).findFirst().orElseThrow().quantity();
        assertEquals(4 * qa, atC.realisedPnl(), 1e-9, "trade A's price gain, before fees");
        assertEquals(qb * (51.5 - 51), atC.unrealisedPnl(), 1e-9, "B filled at 51, marked at its close of 51.5");
        assertEquals(a.fees() + qb * 51 * TAKER, atC.feesPaid(), 1e-9, "A's round trip and B's entry");
        assertTrue(atC.unrealisedPnl() > 0 && atC.realisedPnl() > 0);
        assertEquals(atC.initialEquity() + atC.realisedPnl() + atC.unrealisedPnl() - atC.feesPaid(), atC.equity(), 1e-9,
                "equity = initial + realised + unrealised - fees");
    }

    private void run(PaperBroker broker, Function<MarketView, Signal> strategy, Bar... bars) {
        run(broker, new EngineConfig(10_000.0, 0.6, true, 5, 100, 0.02, 0.04), strategy, List.of(bars));
    }

    private void run(PaperBroker broker, Function<MarketView, Signal> strategy, List<Bar> bars) {
        run(broker, new EngineConfig(10_000.0, 0.6, true, 5, 100, 0.02, 0.04), strategy, bars);
    }

    private void run(PaperBroker broker, EngineConfig config, Function<MarketView, Signal> strategy, List<Bar> bars) {
        Bot bot = new Bot("bot", "bot", "test", Map.of("TEST", strategy::apply), 5, (p, w, e) -> { });
        engine(broker, config, List.of(bot)).run(BarStream.of(bars.iterator()), ProgressListener.NONE);
    }

    private Backtest engine(PaperBroker broker, EngineConfig config, List<Bot> bots) {
        return new Backtest(config, bots, new RiskChain(List.of(), (p, w, e) -> { }), feeds("TEST", "A", "B", "C"), broker, sink());
    }

    private static Map<String, SymbolFeed> feeds(String... symbols) {
        Map<String, SymbolFeed> feeds = new HashMap<>();
        for (String symbol : symbols) {
            feeds.put(symbol, new SymbolFeed(symbol, Timeframe.M1, List.of(), 100));
        }
        return feeds;
    }

    private RunSink sink() {
        return new RunSink() {
            @Override
            public void onEntry(Fill fill) {
                fills.add(fill);
            }

            @Override
            public void onExit(Fill fill, ClosedTrade trade) {
                fills.add(fill);
                trades.add(trade.trade());
            }

            @Override
            public void onPartialExit(Fill fill) {
                fills.add(fill);
                partialExits.add(fill);
            }
        };
    }

    private static EngineConfig noStops() {
        return new EngineConfig(10_000.0, 0.6, true, 5, 100, 0.0, 0.0);
    }

    private static PaperBroker noSlippage() {
        return new PaperBroker(MAKER, TAKER, new NoSlippage());
    }

    private static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    private static Bar bar(int minute, double open, double high, double low, double close) {
        return bar(minute, open, high, low, close, 1);
    }

    private static Bar bar(int minute, double open, double high, double low, double close, double volume) {
        return new Bar("TEST", Timeframe.M1, minute(minute), open, high, low, close, volume);
    }

    private static Bar bar(String symbol, int minute, double price, double volume) {
        return new Bar(symbol, Timeframe.M1, minute(minute), price, price, price, price, volume);
    }

    private static Bar bar(String symbol, int minute, double open, double high, double low, double close) {
        return new Bar(symbol, Timeframe.M1, minute(minute), open, high, low, close, 1);
    }
}
