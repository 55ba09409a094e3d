package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Direction;
import dev.quorum.api.EntryPlan;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Fill;
import dev.quorum.api.HedgeContext;
import dev.quorum.api.HedgeOrder;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.MarketView;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.PositionUpdate;
import dev.quorum.api.Signal;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.core.broker.NoSlippage;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.broker.VolumeParticipation;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.position.PositionDesk;
import dev.quorum.core.risk.RiskChain;

/**
 * The host's hedging rules, each on a few hand-built bars with a scripted position policy: a hedge is sent
 * only on its own symbol's bar and fills from that symbol's next open (never from a bar that opened before
 * the decision); a hedge asked for while the position's own market order works is not sent (one market order
 * per symbol at a time); a hedge shrinks with its position, so that it is never larger; a hedge closes with
 * its position and at the end of the data.
 */
class HedgeRulesTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Function<MarketView, Signal> ONCE_LONG = v -> v.position().isPresent() ? Signal.flat() : Signal.buy(1);

    private final List<Trade> trades = new ArrayList<>();
    private final Map<Long, String> exitNotes = new HashMap<>();
    private final List<HedgeContext> asked = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    /** A policy with no levels that never moves them, whose manage and hedge answers the test scripts. */
    private PositionPolicy policy(BiFunction<ManagedPosition, MarketView, PositionUpdate> manage,
                                  Function<HedgeContext, List<HedgeOrder>> hedge) {
        return new PositionPolicy() {
            @Override
            public EntryPlan open(OrderIntent entry, PortfolioView portfolio) {
                return EntryPlan.of(OptionalDouble.empty(), OptionalDouble.empty(), "none");
            }

            @Override
            public PositionUpdate manage(ManagedPosition position, MarketView market, PortfolioView portfolio) {
                return manage.apply(position, market);
            }

            @Override
            public List<HedgeOrder> hedge(HedgeContext context) {
                asked.add(context);
                return hedge.apply(context);
            }
        };
    }

    /** Half of every open position, every time. */
    private static List<HedgeOrder> halfOfEach(HedgeContext c) {
        return c.portfolio().positions().stream().map(p -> HedgeOrder.open(p.symbol(), p.quantity() / 2, "half")).toList();
    }

    @Test
    void aHedgeIsSentOnItsOwnSymbolsBarAndFillsAtThatSymbolsNextOpen() {
        // B goes long on minute 0 and fills at minute 1's open; from the bars closing at minute 3 the policy wants B
        // hedged. A's bar 2 closes at minute 3 before B's bar 2 is processed: an order sent then would fill at B's
        // bar 2's open, which opened before the decision. It must wait for B's own bar 2 and fill at B's bar 3's open.
        List<Bar> bars = List.of(bar("A", 0, 100), bar("B", 0, 50), bar("A", 1, 100), bar("B", 1, 50), bar("A", 2, 101),
                bar("B", 2, 51), bar("A", 3, 102), bar("B", 3, 52), bar("A", 4, 103), bar("B", 4, 53));
        Map<String, Function<MarketView, Signal>> strategies = Map.of("A", v -> Signal.flat(), "B", ONCE_LONG);
        run(new PaperBroker(0.001, 0.001, new NoSlippage()), policy((p, m) -> PositionUpdate.keep(),
                c -> c.now().isBefore(minute(3)) ? List.of() : halfOfEach(c)), bars, strategies);
        assertTrue(asked.stream().anyMatch(c -> c.symbol().equals("A") && c.now().equals(minute(3))), "asked after A's bar 2");
        List<Trade> hedges = trades.stream().filter(Trade::hedge).toList();
        assertEquals(1, hedges.size(), trades.toString());
        Trade h = hedges.get(0);
        assertEquals("B", h.symbol());
        assertEquals(Direction.SHORT, h.direction());
        assertEquals(minute(3), h.entryTime(), "B's bar 3's open, after the decision on B's bar 2");
        assertEquals(52, h.entryPrice(), 1e-12);
        assertEquals(ExitReason.END_OF_DATA, h.exitReason());
        Trade position = trades.stream().filter(t -> !t.hedge()).findFirst().orElseThrow();
        assertEquals(position.quantity() / 2, h.quantity(), 1e-9);
        assertEquals(List.of(), errors, "orders on another symbol are left for its own bar, not refused");
    }

    @Test
    void aHedgeAskedForOnTheBarThePositionExitsIsNotSent() {
        // the manager exits on minute 2 (a market order for minute 3's open); on the same bar the policy asks for a hedge
        List<Bar> bars = List.of(bar("A", 0, 100), bar("A", 1, 100), bar("A", 2, 99), bar("A", 3, 98), bar("A", 4, 97));
        run(new PaperBroker(0.001, 0.001, new NoSlippage()),
                policy((p, m) -> m.now().equals(minute(3)) ? PositionUpdate.exit(ExitReason.MANAGED, "scripted") : PositionUpdate.keep(),
                        c -> c.now().equals(minute(3)) ? halfOfEach(c) : List.of()),
                bars, "A");
        assertTrue(trades.stream().noneMatch(Trade::hedge), trades.toString());
        assertEquals(ExitReason.MANAGED, trades.get(0).exitReason());
        assertEquals(minute(3), trades.get(0).exitTime());
        assertTrue(asked.stream().anyMatch(c -> c.now().equals(minute(3))), "the policy was asked on the exit bar");
        assertEquals(List.of(), errors);
    }

    @Test
    void aHedgeShrinksWithItsPositionSoThatItIsNeverLarger() {
        // volume 1,000 and a 10% cap: the entry of ~99.8 fills at once on minute 1; the hedge (~49.9) on minute 2;
        // the manager exits on minute 3 and the exit fills 100 units a bar... on bars of volume 300: 30 a bar
        PaperBroker broker = new PaperBroker(0.001, 0.001, new VolumeParticipation(0, 0, 0.1));
        List<Bar> bars = new ArrayList<>(List.of(bar("A", 0, 100, 1e6), bar("A", 1, 100, 1e6), bar("A", 2, 100, 1e6),
                bar("A", 3, 100, 1e6)));
        for (int m = 4; m < 12; m++) {
            bars.add(bar("A", m, 100 - (m - 3) * 0.5, 300));
        }
        run(broker, policy((p, m) -> m.now().equals(minute(4)) ? PositionUpdate.exit(ExitReason.MANAGED, "scripted") : PositionUpdate.keep(),
                c -> c.now().isBefore(minute(4)) ? halfOfEach(c) : List.of()), bars, "A");
        // after every bar the policy was asked about, the hedge is no larger than the position
        boolean shrank = false;
        for (HedgeContext c : asked) {
            for (Position h : c.portfolio().hedges()) {
                Position p = c.portfolio().position(h.symbol()).orElse(null);
                if (p == null) {
                    continue; // the position closed on this bar: its hedge closes from the next open
                }
                assertTrue(h.quantity() <= p.quantity() * (1 + 1e-9), "at " + c.now() + ": hedge " + h.quantity() + " > " + p.quantity());
                shrank |= h.quantity() < p.quantity() * 0.5 - 1e-9 || h.quantity() > 0 && p.quantity() < 60;
            }
        }
        assertTrue(shrank, "the position ran down below the hedge's first size while hedged");
        Trade hedge = trades.stream().filter(Trade::hedge).findFirst().orElseThrow();
        assertTrue(exitNotes.get(hedge.id()).contains("the hedged position"), exitNotes.get(hedge.id()));
        Trade position = trades.stream().filter(t -> !t.hedge()).findFirst().orElseThrow();
        assertEquals(ExitReason.MANAGED, position.exitReason());
        assertFalse(hedge.exitTime().isAfter(position.exitTime().plusSeconds(60)), hedge + " outlived " + position);
        assertEquals(List.of(), errors);
    }

    @Test
    void aHedgeClosesWithItsPositionFromTheNextOpen() {
        // the position's stop (2% below 100) fills inside minute 3; its hedge closes at minute 4's open
        List<Bar> bars = List.of(bar("A", 0, 100), bar("A", 1, 100), bar("A", 2, 100),
                new Bar("A", Timeframe.M1, minute(3), 99.5, 99.5, 97, 97.5, 1), bar("A", 4, 96), bar("A", 5, 95));
        PositionPolicy stop = new PositionPolicy() {
            @Override
            public EntryPlan open(OrderIntent entry, PortfolioView portfolio) {
                return EntryPlan.of(OptionalDouble.of(98), OptionalDouble.empty(), "stop 98");
            }

            @Override
            public PositionUpdate manage(ManagedPosition position, MarketView market, PortfolioView portfolio) {
                return PositionUpdate.keep();
            }

            @Override
            public List<HedgeOrder> hedge(HedgeContext context) {
                return halfOfEach(context);
            }
        };
        run(new PaperBroker(0.001, 0.001, new NoSlippage()), stop, bars, "A");
        Trade position = trades.stream().filter(t -> !t.hedge()).findFirst().orElseThrow();
        Trade hedge = trades.stream().filter(Trade::hedge).findFirst().orElseThrow();
        assertEquals(ExitReason.STOP_LOSS, position.exitReason());
        assertEquals(minute(4), position.exitTime(), "a stop inside minute 3 is stamped with its close");
        assertEquals(minute(2), hedge.entryTime());
        assertEquals(ExitReason.HEDGE_RELEASED, hedge.exitReason());
        assertEquals(minute(4), hedge.exitTime(), "the next open after the stop");
        assertEquals(96, hedge.exitPrice(), 1e-12);
        assertTrue(exitNotes.get(hedge.id()).endsWith("released: the hedged position closed (STOP_LOSS)"), exitNotes.get(hedge.id()));
        assertEquals(1, trades.stream().filter(Trade::hedge).count(), "no hedge for a position that is gone: " + trades);
    }

    private void run(PaperBroker broker, PositionPolicy policy, List<Bar> bars, String symbol) {
        run(broker, policy, bars, Map.of(symbol, ONCE_LONG));
    }

    private void run(PaperBroker broker, PositionPolicy policy, List<Bar> bars, Map<String, Function<MarketView, Signal>> strategies) {
        Map<String, StrategyInstance> instances = new HashMap<>();
        strategies.forEach((s, strategy) -> instances.put(s, strategy::apply));
        Set<String> symbols = strategies.keySet();
        Bot bot = new Bot("bot", "bot", "test", instances, 5, (p, w, e) -> { });
        Map<String, SymbolFeed> feeds = new HashMap<>();
        for (String s : symbols) {
            feeds.put(s, new SymbolFeed(s, Timeframe.M1, List.of(), 100));
        }
        PositionDesk desk = PositionDesk.of("scripted", "test", policy, (p, w, e) -> errors.add(w + ": " + e), 5, true,
                List.copyOf(symbols));
        new Backtest(new EngineConfig(10_000.0, 0.6, true, 5, 100, 0.0, 0.0), List.of(bot), new RiskChain(List.of(), (p, w, e) -> { }),
                desk, feeds, Map.of(), broker, new RunSink() {
                    @Override
                    public void onEntry(Fill fill) {
                    }

                    @Override
                    public void onExit(Fill fill, ClosedTrade trade) {
                        trades.add(trade.trade());
                        exitNotes.put(trade.trade().id(), trade.exitNotes());
                    }
                }).run(BarStream.of(bars.iterator()), ProgressListener.NONE);
    }

    private static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    private static Bar bar(String symbol, int minute, double price) {
        return bar(symbol, minute, price, 1);
    }

    private static Bar bar(String symbol, int minute, double price, double volume) {
        return new Bar(symbol, Timeframe.M1, minute(minute), price, price, price, price, volume);
    }
}
