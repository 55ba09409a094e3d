package dev.quorum.core.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.quorum.api.Timeframe;

/**
 * Which candles a backtest replays.
 *
 * @param symbols   the instruments traded as one portfolio
 * @param timeframe the base bar length, such as {@code 1m}
 * @param from      first day, inclusive (UTC), ISO date
 * @param to        last day, inclusive (UTC), ISO date
 * @param dir       the embedded candle directory (with catalog.csv), relative to the working directory
 * @param source    the market data source plugin the bars come from; null for the stored candles (left out of the
 *                  stored JSON then, so that runs stored before sources existed compare equal)
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record DataConfig(List<String> symbols, String timeframe, String from, String to, String dir, SourceConfig source) {

    /**
     * The stored candles as the source.
     *
     * @param symbols   the instruments
     * @param timeframe the base bar length
     * @param from      first day
     * @param to        last day
     * @param dir       the embedded candle directory
     */
    public DataConfig(List<String> symbols, String timeframe, String from, String to, String dir) {
        this(symbols, timeframe, from, to, dir, null);
    }

    /** Defaults: the three Coinbase pairs over their common days 2018-04-04..06. */
    public DataConfig {
        symbols = symbols == null ? List.of("BTC-USD", "ETH-USD", "LTC-USD") : List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("data.symbols must list at least one symbol");
        }
        symbols.forEach(s -> {
            try {
                dev.quorum.api.Bar.checkSymbol(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data.symbols: " + e.getMessage());
            }
        });
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("data.symbols lists a symbol twice: " + symbols);
        }
        timeframe = Check.notBlank("data.timeframe", timeframe, "1m");
        Timeframe.parse(timeframe);
        from = Check.notBlank("data.from", from, "2018-04-04");
        to = Check.notBlank("data.to", to, "2018-04-06");
        if (date("data.to", to).isBefore(date("data.from", from))) {
            throw new IllegalArgumentException("data.to = " + to + " is before data.from = " + from);
        }
        dir = Check.notBlank("data.dir", dir, "data/candles");
        if (source != null && source.use().equals(STORED)) {
            if (!source.params().isEmpty()) {
                throw new IllegalArgumentException("data.source: the stored candles ('" + STORED + "') take no params");
            }
            source = null;
        }
    }

    /** The id that names the stored candles as the source, the default. */
    public static final String STORED = "store";

    /** @return whether the bars come from a source plugin rather than the stored candles */
    public boolean fromPlugin() {
        return source != null;
    }

    /** @return the parsed timeframe */
    public Timeframe baseTimeframe() {
        return Timeframe.parse(timeframe);
    }

    /** @return the first day */
    public LocalDate fromDate() {
        return date("data.from", from);
    }

    /** @return the last day, inclusive */
    public LocalDate toDate() {
        return date("data.to", to);
    }

    /**
     * A copy with other symbols and dates (command-line overrides); null keeps the current value.
     *
     * @param newSymbols symbols or null
     * @param newFrom    first day or null
     * @param newTo      last day or null
     * @return the new config
     */
    public DataConfig with(List<String> newSymbols, String newFrom, String newTo) {
        return new DataConfig(newSymbols == null ? symbols : newSymbols, timeframe,
                newFrom == null ? from : newFrom, newTo == null ? to : newTo, dir, source);
    }

    /**
     * @param newSource the source plugin to read the bars from; null for the stored candles
     * @return a copy with that source
     */
    public DataConfig withSource(SourceConfig newSource) {
        return new DataConfig(symbols, timeframe, from, to, dir, newSource);
    }

    static LocalDate date(String key, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " = '" + text + "' is not a date: expected YYYY-MM-DD, like 2018-04-04");
        }
    }
}
