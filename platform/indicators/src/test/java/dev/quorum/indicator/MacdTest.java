package dev.quorum.indicator;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.MACDIndicator;

import dev.quorum.api.Indicator;

/** MACD, signal and histogram against ta4j's {@code MACDIndicator}, {@code getSignalLine}, {@code getHistogram}. */
class MacdTest extends Ta4jReference {

    Stream<Arguments> parameters() {
        return cases(p(12, 26, 9), p(5, 35, 5), p(3, 10, 16), p(1, 2, 1));
    }

    @ParameterizedTest(name = "{0} macd({1}, {2}, {3})")
    @MethodSource("parameters")
    void macdEqualsTa4j(String name, int fast, int slow, int signal) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        dev.quorum.api.MACDIndicator ours = lib.macd(fast, slow, signal);
        MACDIndicator theirs = new MACDIndicator(close(m), fast, slow);
        String label = "macd(" + fast + ", " + slow + ", " + signal + ")";
        int signalStart = Math.max(slow, signal);
        Indicator line = ours.macd();
        new Comparison(m)
                .check(label + ".macd", line, theirs, slow)
                .check(label + ".signal", ours.signal(), theirs.getSignalLine(signal), signalStart)
                .check(label + ".histogram", ours.histogram(), theirs.getHistogram(signal), signalStart)
                .run(lib);
    }
}
