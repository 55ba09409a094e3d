package dev.quorum.api;

/**
 * Moving average convergence/divergence: the MACD line (fast EMA − slow EMA of the close), its
 * signal line (an EMA of the MACD line) and the histogram (MACD − signal).
 *
 * @since 1.0
 */
public interface MACDIndicator {

    /**
     * The MACD line.
     *
     * @return the MACD line
     * @since 1.0
     */
    Indicator macd();

    /**
     * The signal line.
     *
     * @return the signal line
     * @since 1.0
     */
    Indicator signal();

    /**
     * MACD minus signal.
     *
     * @return MACD minus signal
     * @since 1.0
     */
    Indicator histogram();
}
