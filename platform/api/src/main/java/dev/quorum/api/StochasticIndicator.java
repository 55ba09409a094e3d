package dev.quorum.api;

/**
 * The stochastic oscillator: %K = 100 × (close − lowest low) / (highest high − lowest low) over a
 * window, and %D, the simple moving average of %K.
 *
 * @since 1.0
 */
public interface StochasticIndicator {

    /**
     * %K.
     *
     * @return %K
     * @since 1.0
     */
    Indicator k();

    /**
     * %D.
     *
     * @return %D
     * @since 1.0
     */
    Indicator d();
}
