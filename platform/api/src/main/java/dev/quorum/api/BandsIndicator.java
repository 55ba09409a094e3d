package dev.quorum.api;

/**
 * An indicator with an upper, middle and lower line: Bollinger, Keltner and Donchian channels.
 *
 * @since 1.0
 */
public interface BandsIndicator {

    /**
     * The upper band.
     *
     * @return the upper band
     * @since 1.0
     */
    Indicator upper();

    /**
     * The middle line.
     *
     * @return the middle line
     * @since 1.0
     */
    Indicator middle();

    /**
     * The lower band.
     *
     * @return the lower band
     * @since 1.0
     */
    Indicator lower();
}
