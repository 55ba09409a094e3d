package dev.quorum.indicator;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelFacade;

import dev.quorum.api.BandsIndicator;

/**
 * Highest/lowest close and the Donchian channel against ta4j's {@code HighestValueIndicator},
 * {@code LowestValueIndicator} and {@code DonchianChannel*Indicator}; the Keltner channel against
 * ta4j's {@code KeltnerChannelFacade} (EMA of the close ± multiplier·ATR).
 */
class ChannelTest extends Ta4jReference {

    Stream<Arguments> periods() {
        return cases(p(1), p(2), p(14), p(50), p(200));
    }

    @ParameterizedTest(name = "{0} period {1}")
    @MethodSource("periods")
    void extremesAndDonchianEqualTa4j(String name, int period) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        BandsIndicator donchian = lib.donchian(period);
        String d = "donchian(" + period + ")";
        new Comparison(m)
                .check("highest(" + period + ")", lib.highest(period), new HighestValueIndicator(close(m), period),
                        period - 1)
                .check("lowest(" + period + ")", lib.lowest(period), new LowestValueIndicator(close(m), period),
                        period - 1)
                .check(d + ".upper", donchian.upper(), new DonchianChannelUpperIndicator(m.series(), period), period - 1)
                .check(d + ".middle", donchian.middle(), new DonchianChannelMiddleIndicator(m.series(), period),
                        period - 1)
                .check(d + ".lower", donchian.lower(), new DonchianChannelLowerIndicator(m.series(), period), period - 1)
                .run(lib);
    }

    Stream<Arguments> keltnerParameters() {
        return cases(p(20, 10, 2.0), p(5, 50, 1.5), p(1, 1, 0.5));
    }

    @ParameterizedTest(name = "{0} keltner({1}, {2}, {3})")
    @MethodSource("keltnerParameters")
    void keltnerEqualsTa4j(String name, int emaPeriod, int atrPeriod, double multiplier) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        BandsIndicator ours = lib.keltner(emaPeriod, atrPeriod, multiplier);
        KeltnerChannelFacade theirs = new KeltnerChannelFacade(m.series(), emaPeriod, atrPeriod, multiplier);
        String k = "keltner(" + emaPeriod + ", " + atrPeriod + ", " + multiplier + ")";
        int bands = Math.max(emaPeriod, atrPeriod);
        new Comparison(m)
                .check(k + ".upper", ours.upper(), theirs.upper(), bands)
                .check(k + ".middle", ours.middle(), theirs.middle(), emaPeriod)
                .check(k + ".lower", ours.lower(), theirs.lower(), bands)
                .run(lib);
    }
}
