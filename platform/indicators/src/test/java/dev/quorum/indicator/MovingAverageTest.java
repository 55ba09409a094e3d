package dev.quorum.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;

import dev.quorum.api.Indicator;

/** SMA, EMA and WMA of the close against ta4j's {@code SMAIndicator}, {@code EMAIndicator}, {@code WMAIndicator}. */
class MovingAverageTest extends Ta4jReference {

    Stream<Arguments> periods() {
        return cases(p(1), p(2), p(5), p(26), p(200));
    }

    @ParameterizedTest(name = "{0} period {1}")
    @MethodSource("periods")
    void movingAveragesEqualTa4j(String name, int period) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        new Comparison(m)
                .check("sma(" + period + ")", lib.sma(period), new SMAIndicator(close(m), period), period - 1)
                .check("ema(" + period + ")", lib.ema(period), new EMAIndicator(close(m), period), period)
                .check("wma(" + period + ")", lib.wma(period), new WMAIndicator(close(m), period), period - 1)
                .run(lib);
    }

    @Test
    void emaIsSeededWithTheCloseOfBarNAsTa4jDoes() {
        Market m = market("BTC-USD");
        IndicatorLibrary lib = library();
        Indicator ema = lib.ema(10);
        for (int i = 0; i <= 10; i++) {
            lib.update(m.bars().get(i));
            if (i < 10) {
                assertTrue(Double.isNaN(ema.value()), "bar " + i);
            }
        }
        assertEquals(m.bars().get(10).close(), ema.value());
        lib.update(m.bars().get(11));
        double alpha = 2.0 / 11;
        assertEquals(m.bars().get(10).close() + (m.bars().get(11).close() - m.bars().get(10).close()) * alpha,
                ema.value());
    }

    @Test
    void windowedAveragesAreStableAfterPeriodMinusOneBarsAndEmaLater() {
        IndicatorLibrary lib = library();
        assertEquals(19, lib.sma(20).unstableBars());
        assertEquals(19, lib.wma(20).unstableBars());
        // 20 + ceil(ln(1e-12) / ln(19/21)) = 20 + 277
        assertEquals(297, lib.ema(20).unstableBars());
        assertEquals(1, lib.ema(1).unstableBars());
    }
}
