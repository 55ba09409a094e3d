package dev.quorum.api;

/**
 * Wilder's directional movement system: the average directional index and the plus and minus
 * directional indicators, all in [0, 100].
 *
 * @since 1.0
 */
public interface ADXIndicator {

    /**
     * The ADX.
     *
     * @return the ADX
     * @since 1.0
     */
    Indicator adx();

    /**
     * +DI.
     *
     * @return +DI
     * @since 1.0
     */
    Indicator plusDI();

    /**
     * −DI.
     *
     * @return −DI
     * @since 1.0
     */
    Indicator minusDI();
}
