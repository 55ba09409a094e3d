package dev.quorum.indicator;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;

import dev.quorum.api.StochasticIndicator;

/**
 * %K and %D against ta4j's {@code StochasticOscillatorKIndicator} and
 * {@code StochasticOscillatorDIndicator(SMAIndicator(%K, d))}. %D is compared from its first bar
 * whose window holds only full-window %K values (ta4j's also averages the partial-window ones).
 */
class StochasticTest extends Ta4jReference {

    Stream<Arguments> parameters() {
        return cases(p(1, 1), p(5, 3), p(14, 3), p(50, 10));
    }

    @ParameterizedTest(name = "{0} stochastic({1}, {2})")
    @MethodSource("parameters")
    void stochasticEqualsTa4j(String name, int kPeriod, int dPeriod) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        StochasticIndicator ours = lib.stochastic(kPeriod, dPeriod);
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(m.series(), kPeriod);
        String label = "stochastic(" + kPeriod + ", " + dPeriod + ")";
        new Comparison(m)
                .check(label + ".k", ours.k(), k, kPeriod - 1)
                .check(label + ".d", ours.d(), new StochasticOscillatorDIndicator(new SMAIndicator(k, dPeriod)),
                        kPeriod + dPeriod - 2)
                .run(lib);
    }
}
