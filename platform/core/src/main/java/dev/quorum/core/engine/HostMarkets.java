package dev.quorum.core.engine;

import java.util.List;
import java.util.Map;

import dev.quorum.api.BarHistory;
import dev.quorum.api.Indicators;
import dev.quorum.api.Markets;
import dev.quorum.api.Timeframe;

/**
 * The market data risk modules see: each symbol's feed, read-only. Indicators asked for come from the
 * feed's library, so they are computed once, however many bots and modules use them.
 *
 * @param symbols the symbols in config order
 * @param base    the base timeframe
 * @param feeds   each symbol's feed
 */
record HostMarkets(List<String> symbols, Timeframe base, Map<String, SymbolFeed> feeds) implements Markets {

    HostMarkets {
        symbols = List.copyOf(symbols);
        feeds = Map.copyOf(feeds);
    }

    @Override
    public Timeframe timeframe() {
        return base;
    }

    @Override
    public BarHistory history(String symbol) {
        return feed(symbol).history();
    }

    @Override
    public Indicators indicators(String symbol) {
        return feed(symbol).indicators(base);
    }

    private SymbolFeed feed(String symbol) {
        SymbolFeed feed = feeds.get(symbol);
        if (feed == null) {
            throw new IllegalArgumentException("no market data for " + symbol + ": the run trades " + symbols);
        }
        return feed;
    }
}
