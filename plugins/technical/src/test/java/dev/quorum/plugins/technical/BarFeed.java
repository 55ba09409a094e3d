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

/** A test {@link MarketView} over a growing list of one-minute bars whose open, high, low and close are equal. */
final class BarFeed implements MarketView, BarHistory {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final List<Bar> bars = new ArrayList<>();

    /**
     * Appends the next bar.
     *
     * @param close its price
     * @return this view, now showing that bar
     */
    BarFeed next(double close) {
        Instant open = START.plus(Timeframe.M1.duration().multipliedBy(bars.size()));
        bars.add(new Bar("TEST-USD", Timeframe.M1, open, close, close, close, close, 1));
        return this;
    }

    @Override
    public String symbol() {
        return "TEST-USD";
    }

    @Override
    public Instant now() {
        return bar().closeTime();
    }

    @Override
    public Bar bar() {
        return bars.getLast();
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
        return bars.size();
    }

    @Override
    public Bar get(int barsAgo) {
        return bars.get(bars.size() - 1 - barsAgo);
    }
}
