package dev.quorum.indicator;

import dev.quorum.api.BandsIndicator;
import dev.quorum.api.Indicator;

/**
 * The three lines of a Bollinger, Keltner or Donchian channel.
 *
 * @param upper  the upper band
 * @param middle the middle line
 * @param lower  the lower band
 */
record Bands(Indicator upper, Indicator middle, Indicator lower) implements BandsIndicator {
}
