package dev.quorum.core.engine;

import java.time.Instant;
import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.MarketView;
import dev.quorum.api.Position;

/** The read-only view strategies get for one symbol; the engine moves it forward between calls. */
final class SymbolMarketView implements MarketView {

    private final String symbol;
    private final BarWindow window;
    private Position position;

    SymbolMarketView(String symbol, int historyBars) {
        this.symbol = symbol;
        this.window = new BarWindow(historyBars);
    }

    void advance(Bar bar, Position currentPosition) {
        window.add(bar);
        this.position = currentPosition;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public Instant now() {
        return window.get(0).closeTime();
    }

    @Override
    public Bar bar() {
        return window.get(0);
    }

    @Override
    public BarHistory history() {
        return window;
    }

    @Override
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }
}
