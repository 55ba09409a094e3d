package dev.quorum.plugins.positions;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.Direction;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.MarketView;
import dev.quorum.api.Markets;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;
import dev.quorum.api.PositionContext;
import dev.quorum.api.PositionManager;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.Timeframe;
import dev.quorum.testkit.TestBarHistory;
import dev.quorum.testkit.TestParameters;
import dev.quorum.testkit.TestPortfolio;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Hand-built contexts, intents, positions, bars and market views shared by the manager's tests; markets,
 * parameters and portfolios come from quorum-testkit.
 */
final class Fixtures {

    static final Instant T0 = Instant.parse("2018-04-05T12:00:00Z");
    static final String BTC = "BTC-USD";
    static final String ETH = "ETH-USD";
    static final String LTC = "LTC-USD";

    /** Parameters that switch off everything a test does not look at: no trail, no break-even, no layers. */
    static final Object[] QUIET = {"trailMode", "off", "breakEvenGain", 0.0, "layers", false};

    private Fixtures() {
    }

    // ---------------------------------------------------------------- contexts and policies

    /**
     * A context as the host builds it: the manager's declared defaults, overridden by {@code keyValues}
     * (name, value, name, value …), each checked against its declaration.
     */
    static PositionContext context(PositionManager manager, Markets markets, Object... keyValues) {
        return new PositionContext(manager.info().id(), TestParameters.of(manager.info(), keyValues), markets);
    }

    /** A policy of {@link AdaptiveExitsManager} over these markets. */
    static PositionPolicy policy(Markets markets, Object... keyValues) {
        AdaptiveExitsManager manager = new AdaptiveExitsManager();
        return manager.create(context(manager, markets, keyValues));
    }

    /** Two arrays of key-value pairs as one; later pairs override earlier ones. */
    static Object[] with(Object[] base, Object... more) {
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    // ---------------------------------------------------------------- intents and positions

    /** NaN means absent. */
    static OptionalDouble opt(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** An intent on BTC-USD without the voters' levels. */
    static OrderIntent intent(Direction direction, double referencePrice) {
        return intent(BTC, direction, referencePrice, Double.NaN, Double.NaN);
    }

    /** An intent with the voters' levels (NaN: none). */
    static OrderIntent intent(String symbol, Direction direction, double referencePrice, double stopLoss, double takeProfit) {
        return new OrderIntent(symbol, direction, 1, referencePrice, T0, 1.0, List.of("bot-a"), opt(stopLoss), opt(takeProfit));
    }

    /**
     * An open BTC-USD position of one unit.
     *
     * @param stop          the current stop (NaN: none)
     * @param target        the current take-profit (NaN: none)
     * @param barsHeld      bars held
     * @param initialTarget where the take-profit started (NaN: none)
     */
    static ManagedPosition held(Direction direction, double entry, double stop, double target, long barsHeld,
                                double initialTarget) {
        Position position = new Position(BTC, direction, 1, entry, T0, opt(stop), opt(target));
        return new ManagedPosition(position, barsHeld, opt(stop), opt(initialTarget), 1.0);
    }

    /** The same position with other current levels and bars held, as the host passes it on a later bar. */
    static ManagedPosition next(ManagedPosition managed, double stop, double target, long barsHeld) {
        Position p = managed.position();
        Position moved = new Position(p.symbol(), p.direction(), p.quantity(), p.entryPrice(), p.entryTime(), opt(stop),
                opt(target));
        return new ManagedPosition(moved, barsHeld, managed.initialStopLoss(), managed.initialTakeProfit(),
                managed.consensus());
    }

    // ---------------------------------------------------------------- bars, histories, views

    /** A flat one-minute bar (open = high = low = close). */
    static Bar bar(String symbol, Instant openTime, double close) {
        return new Bar(symbol, Timeframe.M1, openTime, close, close, close, close, 1);
    }

    /** One-minute bars of a symbol from {@link #T0}, one a minute, closes given oldest first. */
    static List<Bar> bars(String symbol, double... closesOldestFirst) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closesOldestFirst.length; i++) {
            bars.add(bar(symbol, T0.plusSeconds(60L * i), closesOldestFirst[i]));
        }
        return bars;
    }

    /** A history over bars given oldest first, served newest first as the host does. */
    static BarHistory history(List<Bar> oldestFirst) {
        return TestBarHistory.of(oldestFirst);
    }

    /** A BTC-USD market view whose latest bar closes at the last of {@code closesOldestFirst}. */
    static MarketView market(double... closesOldestFirst) {
        return new FakeMarket(BTC, bars(BTC, closesOldestFirst));
    }

    /**
     * A market view over bars given oldest first: the newest is the bar that just closed.
     *
     * @param symbol      the symbol
     * @param oldestFirst at least one bar
     */
    record FakeMarket(String symbol, List<Bar> oldestFirst) implements MarketView {

        FakeMarket {
            oldestFirst = List.copyOf(oldestFirst);
            if (oldestFirst.isEmpty()) {
                throw new IllegalArgumentException("a market view has at least the bar that just closed");
            }
        }

        @Override
        public Instant now() {
            return bar().closeTime();
        }

        @Override
        public Bar bar() {
            return oldestFirst.get(oldestFirst.size() - 1);
        }

        @Override
        public BarHistory history() {
            return Fixtures.history(oldestFirst);
        }

        @Override
        public Optional<Position> position() {
            return Optional.empty();
        }
    }

    /** A flat portfolio of 10,000 at {@link #T0}; the manager does not read it. */
    static PortfolioView portfolio() {
        return TestPortfolio.of(T0, 10_000);
    }

    // ---------------------------------------------------------------- markets
}
