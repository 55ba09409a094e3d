package dev.quorum.indicator;

/**
 * The unstable period of the recursive (exponentially smoothed) indicators: after how many bars
 * their value no longer depends on where the data started.
 *
 * <p>An exponential average {@code v = v' + α·(x − v')} seeded at bar {@code s} with a single input
 * (as ta4j does) differs from one with an infinitely long history by {@code (1 − α)^(t − s)} times
 * the seed's error. The unstable period is the first bar at which that weight, and the weight of
 * any start-dependence of its input, is at most {@link #EPSILON} = 1e-12. On price data (a seed
 * error of at most the size of the values) that keeps a late start within 1e-9 relative of a long
 * history with three orders of magnitude to spare for ratios and differences (RSI, DX, MACD).
 */
final class Decay {

    /** The weight of the start below which an indicator is stable. */
    static final double EPSILON = 1e-12;

    private Decay() {
    }

    /**
     * Bars after the seed until {@code weight · pole^t <= EPSILON}.
     *
     * @param pole   {@code 1 − α}, in [0, 1)
     * @param weight the start's weight at the seed
     * @return the number of bars, at least 0
     */
    static int afterSeed(double pole, double weight) {
        if (weight <= EPSILON || pole <= 0) {
            return 0;
        }
        double t = Math.ceil(Math.log(EPSILON / weight) / Math.log(pole));
        return t >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : (int) t;
    }

    /**
     * The unstable period of a smoother seeded at bar {@code seed} (weight 1 there) whose input
     * depends on the start with weight {@code inputWeight · inputPole^(t − inputSeed)} at bar
     * {@code t}: the first bar from which both weights stay at most {@link #EPSILON}.
     *
     * @param inputSeed   the bar the input's own smoothing started at
     * @param inputPole   the input's {@code 1 − α}
     * @param inputWeight the input's start weight at {@code inputSeed}
     * @param seed        the bar this smoother is seeded at, {@code >= inputSeed}
     * @param pole        this smoother's {@code 1 − α}
     * @return the unstable period, in bars from the first bar
     */
    static int cascade(int inputSeed, double inputPole, double inputWeight, int seed, double pole) {
        double u = inputWeight * Math.pow(inputPole, seed - inputSeed);
        double w = 1;
        long t = seed;
        while ((w > EPSILON || u > EPSILON) && t < Integer.MAX_VALUE / 2) {
            t++;
            u *= inputPole;
            w = pole * w + (1 - pole) * u;
        }
        return (int) t;
    }
}
