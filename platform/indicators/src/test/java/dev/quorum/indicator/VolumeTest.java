package dev.quorum.indicator;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;

/** The windowed VWAP (typical price) and OBV against ta4j's {@code VWAPIndicator} and {@code OnBalanceVolumeIndicator}. */
class VolumeTest extends Ta4jReference {

    Stream<Arguments> periods() {
        return cases(p(1), p(3), p(14), p(200));
    }

    @ParameterizedTest(name = "{0} vwap({1})")
    @MethodSource("periods")
    void vwapEqualsTa4j(String name, int period) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        new Comparison(m)
                .check("vwap(" + period + ")", lib.vwap(period), new VWAPIndicator(m.series(), period), period - 1)
                .run(lib);
    }

    @ParameterizedTest(name = "{0} obv")
    @MethodSource("markets")
    void obvEqualsTa4j(String name) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        new Comparison(m).check("obv", lib.obv(), new OnBalanceVolumeIndicator(m.series()), 0).run(lib);
    }

    Stream<Arguments> markets() {
        return cases(p());
    }
}
