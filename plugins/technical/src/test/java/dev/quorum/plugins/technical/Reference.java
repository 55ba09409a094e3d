package dev.quorum.plugins.technical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import java.util.Arrays;
import java.util.Random;

/**
 * The indicators, computed independently of the host: whole series at once, in plain loops over
 * arrays, with the conventions {@code dev.quorum.api.Indicators} documents (ta4j's). Bar {@code t}
 * counts from 0; NaN where there is no value yet.
 */
final class Reference {

    private Reference() {
    }

    /**
     * EMA with {@code α = 2 / (n + 1)}: NaN before bar {@code n}; on the first bar from {@code n} on
     * whose input is defined, that input itself (the seed); then {@code e + α · (x − e)}.
     */
    static double[] ema(double[] x, int n) {
        return smooth(x, n, 2.0 / (n + 1));
    }

    /** Wilder's average, {@code α = 1 / n}, seeded like {@link #ema}. */
    static double[] wilder(double[] x, int n) {
        return smooth(x, n, 1.0 / n);
    }

    private static double[] smooth(double[] x, int n, double alpha) {
        double[] out = nans(x.length);
        double e = Double.NaN;
        for (int t = n; t < x.length; t++) {
            if (Double.isNaN(x[t])) {
                continue;
            }
            e = Double.isNaN(e) ? x[t] : e + alpha * (x[t] - e);
            out[t] = e;
        }
        return out;
    }

    /**
     * Wilder's RSI: gain and loss of each bar against the one before (0 on bar 0), each averaged with
     * {@link #wilder}; {@code 100 − 100 / (1 + gain / loss)}, 100 when the average loss is 0, 0 when
     * both are.
     */
    static double[] rsi(double[] closes, int n) {
        double[][] averages = rsiAverages(closes, n);
        double[] gain = averages[0];
        double[] loss = averages[1];
        double[] rsi = nans(closes.length);
        for (int t = n; t < closes.length; t++) {
            rsi[t] = loss[t] == 0 ? (gain[t] == 0 ? 0 : 100) : 100 - 100 / (1 + gain[t] / loss[t]);
        }
        return rsi;
    }

    /** The RSI's average gain and average loss, {@code {gain, loss}}. */
    static double[][] rsiAverages(double[] closes, int n) {
        double[] gains = new double[closes.length];
        double[] losses = new double[closes.length];
        for (int t = 1; t < closes.length; t++) {
            gains[t] = Math.max(closes[t] - closes[t - 1], 0);
            losses[t] = Math.max(closes[t - 1] - closes[t], 0);
        }
        return new double[][] {wilder(gains, n), wilder(losses, n)};
    }

    /** The MACD line {@code EMA(fast) − EMA(slow)}. */
    static double[] macdLine(double[] closes, int fast, int slow) {
        double[] f = ema(closes, fast);
        double[] s = ema(closes, slow);
        double[] line = new double[closes.length];
        for (int t = 0; t < closes.length; t++) {
            line[t] = f[t] - s[t];
        }
        return line;
    }

    /** Simple mean of the last {@code n} closes, from bar {@code n − 1}. */
    static double[] sma(double[] closes, int n) {
        double[] out = nans(closes.length);
        for (int t = n - 1; t < closes.length; t++) {
            double sum = 0;
            for (int i = t - n + 1; i <= t; i++) {
                sum += closes[i];
            }
            out[t] = sum / n;
        }
        return out;
    }

    /** Population standard deviation of the last {@code n} closes, from bar {@code n − 1}, in two passes. */
    static double[] sigma(double[] closes, int n) {
        double[] mean = sma(closes, n);
        double[] out = nans(closes.length);
        for (int t = n - 1; t < closes.length; t++) {
            double squares = 0;
            for (int i = t - n + 1; i <= t; i++) {
                squares += (closes[i] - mean[t]) * (closes[i] - mean[t]);
            }
            out[t] = Math.sqrt(squares / n);
        }
        return out;
    }

    /**
     * A random walk with changing volatility and drift, about the level of BTC-USD in 2018, rounded
     * to cents: deterministic for a seed.
     */
    static double[] randomWalk(long seed, int bars) {
        Random random = new Random(seed);
        double[] closes = new double[bars];
        double price = 7000;
        double drift = 0;
        double volatility = 0.001;
        for (int t = 0; t < bars; t++) {
            if (t % 50 == 0) {
                drift = (random.nextDouble() - 0.5) * 0.002;
                volatility = 0.0005 + random.nextDouble() * 0.002;
            }
            price *= Math.exp(drift + volatility * random.nextGaussian());
            closes[t] = Math.round(price * 100) / 100.0;
        }
        return closes;
    }

    /**
     * Asserts a vote.
     *
     * @param direction  the expected direction
     * @param confidence the expected confidence
     * @param actual     the signal
     * @param bar        the bar, for the message
     */
    static void assertVote(Direction direction, double confidence, Signal actual, int bar) {
        assertEquals(direction, actual.direction(), "direction on bar " + bar);
        assertEquals(confidence, actual.confidence(), 1e-9, "confidence on bar " + bar);
    }

    private static double[] nans(int length) {
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
