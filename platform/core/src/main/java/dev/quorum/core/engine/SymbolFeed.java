package dev.quorum.core.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.Indicators;
import dev.quorum.api.MarketView;
import dev.quorum.api.Position;
import dev.quorum.api.Timeframe;
import dev.quorum.core.data.BarAggregator;
import dev.quorum.indicator.IndicatorLibrary;

/**
 * Everything the engine keeps for one symbol: recent bars of the base timeframe and of each declared
 * higher timeframe (bounded windows), the aggregators that build the higher timeframes, and the
 * indicator library of each timeframe. It is also the read-only {@link MarketView} strategies get for
 * the symbol; the engine moves it forward between calls. Memory: {@code historyBars} bars per
 * timeframe plus the indicators' windows, whatever the length of the data.
 */
final class SymbolFeed implements MarketView {

    private final String symbol;
    private final Timeframe base;
    private final BarWindow baseWindow;
    private final IndicatorLibrary baseIndicators;
    private final Map<Timeframe, Higher> higher = new LinkedHashMap<>();
    private final Higher[] higherInOrder;
    private Position position;

    /** One higher timeframe: its aggregator, its closed bars, its indicators. */
    private record Higher(BarAggregator aggregator, BarWindow window, IndicatorLibrary indicators) {
    }

    SymbolFeed(String symbol, Timeframe base, List<Timeframe> higherTimeframes, int historyBars) {
        this.symbol = symbol;
        this.base = base;
        this.baseWindow = new BarWindow(historyBars);
        this.baseIndicators = new IndicatorLibrary(base);
        for (Timeframe tf : higherTimeframes) {
            higher.put(tf, new Higher(new BarAggregator(symbol, base, tf), new BarWindow(historyBars), new IndicatorLibrary(tf)));
        }
        this.higherInOrder = higher.values().toArray(new Higher[0]);
    }

    /**
     * Takes the next base bar: completes any higher-timeframe bar it closes, updates every indicator.
     *
     * @param bar             the base bar that just closed
     * @param currentPosition the portfolio's position on the symbol after this bar's fills and exits
     */
    void advance(Bar bar, Position currentPosition) {
        if (higherInOrder.length > 0) {
            advanceHigher(bar);
        }
        baseWindow.add(bar);
        baseIndicators.update(bar);
        this.position = currentPosition;
    }

    /**
     * The position manager moved the position's levels after {@link #advance}: the bots of this bar see them.
     *
     * @param currentPosition the position with its new levels
     */
    void updatePosition(Position currentPosition) {
        this.position = currentPosition;
    }

    private void advanceHigher(Bar bar) {
        for (Higher h : higherInOrder) {
            h.aggregator().add(bar, closed -> {
                h.window().add(closed);
                h.indicators().update(closed);
            });
        }
    }

    /**
     * @param timeframe the base timeframe or a declared higher one
     * @return the indicator library of that timeframe
     * @throws IllegalArgumentException if the timeframe was not declared
     */
    Indicators indicators(Timeframe timeframe) {
        if (timeframe.equals(base)) {
            return baseIndicators;
        }
        return declared(timeframe).indicators();
    }

    private Higher declared(Timeframe timeframe) {
        Higher h = higher.get(timeframe);
        if (h == null) {
            throw new IllegalArgumentException("timeframe " + timeframe + " of " + symbol + " was not declared: list it in the"
                    + " strategy's timeframes() (declared: " + higher.keySet() + ", base " + base + ")");
        }
        return h;
    }

    /** @return the latest base bar, empty before the first */
    Optional<Bar> lastBar() {
        return baseWindow.size() == 0 ? Optional.empty() : Optional.of(baseWindow.get(0));
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public Instant now() {
        return baseWindow.latest().closeTime();
    }

    @Override
    public Bar bar() {
        return baseWindow.latest();
    }

    @Override
    public BarHistory history() {
        return baseWindow;
    }

    @Override
    public BarHistory history(Timeframe timeframe) {
        return timeframe.equals(base) ? baseWindow : declared(timeframe).window();
    }

    @Override
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }
}
