package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * A price of the bar itself, the input of the other nodes: close, high, low, or the typical price
 * {@code (high + low + close) / 3} (ta4j's {@code TypicalPriceIndicator}, same order of operations).
 * Stable from the first bar.
 */
final class Price extends Node {

    /** Which price. */
    enum Field {
        /** The close. */
        CLOSE,
        /** The high. */
        HIGH,
        /** The low. */
        LOW,
        /** {@code (high + low + close) / 3}. */
        TYPICAL
    }

    private final Field field;

    Price(Field field) {
        super(field.name().toLowerCase(java.util.Locale.ROOT));
        this.field = field;
    }

    @Override
    double compute(Bar bar) {
        return switch (field) {
            case CLOSE -> bar.close();
            case HIGH -> bar.high();
            case LOW -> bar.low();
            case TYPICAL -> (bar.high() + bar.low() + bar.close()) / 3.0;
        };
    }

    @Override
    public int unstableBars() {
        return 0;
    }
}
