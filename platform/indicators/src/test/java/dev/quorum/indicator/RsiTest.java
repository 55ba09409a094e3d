package dev.quorum.indicator;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.RSIIndicator;

/** Wilder's RSI against ta4j's {@code RSIIndicator}. */
class RsiTest extends Ta4jReference {

    Stream<Arguments> periods() {
        return cases(p(2), p(14), p(30));
    }

    @ParameterizedTest(name = "{0} rsi({1})")
    @MethodSource("periods")
    void rsiEqualsTa4j(String name, int period) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        new Comparison(m)
                .check("rsi(" + period + ")", lib.rsi(period), new RSIIndicator(close(m), period), period)
                .run(lib);
    }
}
