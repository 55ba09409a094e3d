package dev.quorum.plugins.technical;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.MarketView;
import dev.quorum.api.Position;
import dev.quorum.api.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test {@link MarketView} of one symbol's one-minute bars whose open, high, low and close are
 * equal: bars are appended one by one ({@link #next(double)}), or all made up front and revealed
 * one by one ({@link #preload(double...)}, {@link #advance()}) so that moving on allocates nothing.
 */
final class BarFeed implements MarketView, BarHistory {

    static final String SYMBOL = "TEST-USD";
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final List<Bar> bars = new ArrayList<>();
    private int visible;

    /**
     * Appends the next bar and shows it.
     *
     * @param close its price
     * @return the bar
     */
    Bar next(double close) {
        preload(close);
        return advance();
    }

    /**
     * Makes bars that {@link #advance()} shows later.
     *
     * @param closes their prices, oldest first
     */
    void preload(double... closes) {
        for (double close : closes) {
            Instant open = START.plus(Timeframe.M1.duration().multipliedBy(bars.size()));
            bars.add(new Bar(SYMBOL, Timeframe.M1, open, close, close, close, close, 1));
        }
    }

    /**
     * Shows the next bar made by {@link #preload(double...)}.
     *
     * @return the bar
     */
    Bar advance() {
        return bars.get(visible++);
    }

    @Override
    public String symbol() {
        return SYMBOL;
    }

    @Override
    public Instant now() {
        return bar().closeTime();
    }

    @Override
    public Bar bar() {
        return bars.get(visible - 1);
    }

    @Override
    public BarHistory history() {
        return this;
    }

    @Override
    public Optional<Position> position() {
        return Optional.empty();
    }

    @Override
    public int size() {
        return visible;
    }

    @Override
    public Bar get(int barsAgo) {
        return bars.get(visible - 1 - barsAgo);
    }
}
