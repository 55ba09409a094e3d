package dev.quorum.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV candle of one symbol. Immutable; validated on construction so a plugin never sees a
 * bar whose high is below its low or whose volume is negative.
 *
 * <p>Prices are in the quote currency (USD for {@code BTC-USD}), volume in units of the base asset.
 *
 * @param symbol    the instrument, such as {@code BTC-USD}; letters, digits and {@code . _ : / @ -} only
 * @param timeframe the bar length
 * @param openTime  the instant the bar opens; the bar covers {@code [openTime, openTime + timeframe)}
 * @param open      first traded price; finite, positive
 * @param high      highest traded price; {@code >= max(open, close, low)}
 * @param low       lowest traded price; {@code <= min(open, close)}, positive
 * @param close     last traded price; finite, positive
 * @param volume    traded quantity; finite, {@code >= 0}
 * @since 1.0
 */
public record Bar(String symbol, Timeframe timeframe, Instant openTime,
                  double open, double high, double low, double close, double volume) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its value and what was expected
     */
    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(openTime, "openTime");
        checkSymbol(symbol);
        positive("open", open);
        positive("high", high);
        positive("low", low);
        positive("close", close);
        if (!Double.isFinite(volume) || volume < 0) {
            throw new IllegalArgumentException("volume must be finite and >= 0, was " + volume);
        }
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low);
        }
        if (high < Math.max(open, close)) {
            throw new IllegalArgumentException("high " + high + " is below max(open, close) " + Math.max(open, close));
        }
        if (low > Math.min(open, close)) {
            throw new IllegalArgumentException("low " + low + " is above min(open, close) " + Math.min(open, close));
        }
    }

    /**
     * Checks an instrument name: not empty, letters, digits and {@code . _ : / @ -} only (no spaces,
     * commas or separators, so symbols can be listed and logged unambiguously).
     *
     * @param symbol the name
     * @throws IllegalArgumentException naming the symbol and the allowed characters
     * @since 1.0
     */
    public static void checkSymbol(String symbol) {
        boolean ok = !symbol.isEmpty() && symbol.length() <= 64;
        for (int i = 0; ok && i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            ok = c < 128 && (Character.isLetterOrDigit(c) || ".:_/@-".indexOf(c) >= 0);
        }
        if (!ok) {
            throw new IllegalArgumentException("symbol '" + symbol + "' is not valid: expected 1 to 64 letters, digits"
                    + " and . _ : / @ -");
        }
    }

    private static void positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
        }
    }

    /**
     * The instant the bar closes, {@code openTime + timeframe}: the earliest moment its values are known.
     *
     * @return the close time
     * @since 1.0
     */
    public Instant closeTime() {
        return openTime.plus(timeframe.duration());
    }
}
