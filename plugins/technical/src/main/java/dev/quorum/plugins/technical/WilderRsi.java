package dev.quorum.plugins.technical;

/**
 * Welles Wilder's relative strength index, updated in O(1) per close.
 *
 * <p>The first average gain and loss are the simple means of the first {@code period} close-to-close
 * changes (so the first value needs {@code period + 1} closes); after that each average is smoothed
 * as {@code avg = (avg * (period - 1) + current) / period}. {@code RSI = 100 - 100 / (1 + avgGain / avgLoss)}.
 *
 * <p>Edge cases: when the average loss is 0 the RSI is 100 (only gains); when both averages are 0
 * (the price has not moved for the whole window) it is 50, neutral, rather than undefined.
 */
final class WilderRsi {

    private final int period;
    private double previousClose = Double.NaN;
    private int changes;
    private double avgGain;
    private double avgLoss;

    /**
     * An index that is not ready yet.
     *
     * @param period the smoothing period, {@code >= 1}
     */
    WilderRsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be >= 1, was " + period);
        }
        this.period = period;
    }

    /**
     * Feeds the next close.
     *
     * @param close the close
     */
    void add(double close) {
        if (Double.isNaN(previousClose)) {
            previousClose = close;
            return;
        }
        double change = close - previousClose;
        previousClose = close;
        double gain = Math.max(change, 0);
        double loss = Math.max(-change, 0);
        if (changes < period) {
            // While seeding, the averages accumulate sums; divided once the seed is complete.
            avgGain += gain;
            avgLoss += loss;
            changes++;
            if (changes == period) {
                avgGain /= period;
                avgLoss /= period;
            }
        } else {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
    }

    /**
     * Whether {@link #value()} is defined.
     *
     * @return {@code true} after {@code period + 1} closes
     */
    boolean isReady() {
        return changes == period;
    }

    /**
     * How many closes are needed before the first value.
     *
     * @return {@code period + 1}
     */
    int warmUp() {
        return period + 1;
    }

    /**
     * The current RSI.
     *
     * @return the index in {@code [0, 100]}, NaN until ready
     */
    double value() {
        if (!isReady()) {
            return Double.NaN;
        }
        if (avgLoss == 0) {
            return avgGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }
}
