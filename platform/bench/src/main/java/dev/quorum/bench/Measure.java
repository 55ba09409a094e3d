package dev.quorum.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times a piece of work the careful way without a framework: warm-up runs first (so the JIT has
 * compiled the hot paths), then several measured runs, reporting the median and the spread.
 *
 * @param <T> what the work returns (kept so the JIT cannot drop the work)
 */
final class Measure<T> {

    private final String label;
    private final double[] seconds;
    private final T lastResult;

    private Measure(String label, double[] seconds, T lastResult) {
        this.label = label;
        this.seconds = seconds;
        this.lastResult = lastResult;
    }

    static <T> Measure<T> of(String label, int warmups, int runs, Supplier<T> work) {
        for (int i = 0; i < warmups; i++) {
            work.get();
        }
        double[] seconds = new double[runs];
        T result = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = work.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return new Measure<>(label, seconds, result);
    }

    double median() {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(seconds).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(seconds).max().orElse(Double.NaN);
    }

    T result() {
        return lastResult;
    }

    String label() {
        return label;
    }

    String summary() {
        return String.format(Locale.ROOT, "median %.4f s (min %.4f, max %.4f, %d runs)", median(), min(), max(), seconds.length);
    }
}
