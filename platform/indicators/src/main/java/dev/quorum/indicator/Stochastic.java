package dev.quorum.indicator;

import dev.quorum.api.Indicator;
import dev.quorum.api.StochasticIndicator;

/**
 * The two lines of the stochastic oscillator.
 *
 * @param k %K
 * @param d %D, the SMA of %K
 */
record Stochastic(Indicator k, Indicator d) implements StochasticIndicator {
}
