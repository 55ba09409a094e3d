package dev.quorum.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.Indicators;
import dev.quorum.api.Markets;
import dev.quorum.api.Timeframe;

/**
 * {@link Markets} for tests of risk modules and position managers: per symbol a bar history the test sets
 * ({@link #bars}) and {@link TestIndicators} whose ATR values it sets ({@link #atr}); 1-minute bars. Not
 * thread-safe; one per test.
 */
public final class TestMarkets implements Markets {

    private final List<String> symbols;
    private final Map<String, BarHistory> histories = new HashMap<>();
    private final Map<String, TestIndicators> indicators = new HashMap<>();

    /** @param symbols the symbols of the run, in order; each starts with an empty history and no indicator value */
    public TestMarkets(String... symbols) {
        this.symbols = List.of(symbols);
        for (String symbol : symbols) {
            histories.put(symbol, TestBarHistory.of(List.of()));
            indicators.put(symbol, new TestIndicators());
        }
    }

    /**
     * Replaces a symbol's history.
     *
     * @param symbol      one of the symbols
     * @param oldestFirst its bars in time order
     * @return these markets
     */
    public TestMarkets bars(String symbol, List<Bar> oldestFirst) {
        known(symbol);
        histories.put(symbol, TestBarHistory.of(oldestFirst));
        return this;
    }

    /**
     * Sets the ATR of a period of a symbol.
     *
     * @param symbol one of the symbols
     * @param period the ATR period
     * @param value  its value from now on
     * @return these markets
     */
    public TestMarkets atr(String symbol, int period, double value) {
        indicatorsOf(symbol).atrOf(period).set(value);
        return this;
    }

    /**
     * @param symbol one of the symbols
     * @return its test indicators, to set values or see which the code under test asked for
     */
    public TestIndicators indicatorsOf(String symbol) {
        known(symbol);
        return indicators.get(symbol);
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    @Override
    public Timeframe timeframe() {
        return Timeframe.M1;
    }

    @Override
    public BarHistory history(String symbol) {
        known(symbol);
        return histories.get(symbol);
    }

    @Override
    public Indicators indicators(String symbol) {
        return indicatorsOf(symbol);
    }

    private void known(String symbol) {
        if (!symbols.contains(symbol)) {
            throw new IllegalArgumentException("no market data for " + symbol + ": these test markets trade " + symbols);
        }
    }
}
