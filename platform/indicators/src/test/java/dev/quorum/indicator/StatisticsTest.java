package dev.quorum.indicator;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.statistics.ZScoreIndicator;
import org.ta4j.core.num.Num;

import dev.quorum.api.BandsIndicator;

/**
 * The population standard deviation, the z-score and the Bollinger bands against ta4j's
 * {@code StandardDeviationIndicator} (population, its default), {@code ZScoreIndicator} over
 * {@code close − SMA} and that deviation, and {@code BollingerBands*Indicator}.
 */
class StatisticsTest extends Ta4jReference {

    Stream<Arguments> parameters() {
        return cases(p(2, 2.0), p(5, 1.5), p(20, 2.0), p(200, 3.0));
    }

    @ParameterizedTest(name = "{0} period {1}, k {2}")
    @MethodSource("parameters")
    void statisticsEqualTa4j(String name, int period, double k) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        ClosePriceIndicator close = close(m);
        SMAIndicator sma = new SMAIndicator(close, period);
        StandardDeviationIndicator sigma = new StandardDeviationIndicator(close, period);
        ZScoreIndicator z = new ZScoreIndicator(NumericIndicator.of(close).minus(sma), sigma);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
        StandardDeviationIndicator width = new StandardDeviationIndicator(close, period);
        Num factor = m.series().numFactory().numOf(k);
        BandsIndicator bands = lib.bollinger(period, k);
        String b = "bollinger(" + period + ", " + k + ")";
        new Comparison(m)
                .check("stdDev(" + period + ")", lib.stdDev(period), sigma, period - 1)
                .check("zScore(" + period + ")", lib.zScore(period), z, period - 1)
                .check(b + ".upper", bands.upper(), new BollingerBandsUpperIndicator(middle, width, factor), period - 1)
                .check(b + ".middle", bands.middle(), middle, period - 1)
                .check(b + ".lower", bands.lower(), new BollingerBandsLowerIndicator(middle, width, factor), period - 1)
                .run(lib);
    }
}
