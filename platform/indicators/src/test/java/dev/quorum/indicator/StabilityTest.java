package dev.quorum.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Bar;
import dev.quorum.api.Indicator;

/**
 * What {@code unstableBars()} promises: a library started late, at bar {@code s} of the real
 * candles, agrees with one fed from the first bar to within 1e-9 · max(1, |value|) on every bar
 * once {@code isStable()}, for every indicator (OBV, which is cumulative, in its changes; the
 * z-score up to the rounding of its mean, see {@code Indicators#zScore}). Logs where each actually
 * began to agree.
 */
class StabilityTest extends Ta4jReference {

    private static final Logger LOG = LoggerFactory.getLogger(StabilityTest.class);

    /**
     * @param slack an absolute tolerance to add to 1e-9 · max(1, |value|), from the full library and the bar
     */
    private record Spec(String name, Function<IndicatorLibrary, Indicator> make,
                        ToDoubleBiFunction<IndicatorLibrary, Bar> slack) {

        Spec(String name, Function<IndicatorLibrary, Indicator> make) {
            this(name, make, (library, bar) -> 0);
        }
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("sma(20)", l -> l.sma(20)),
            new Spec("ema(12)", l -> l.ema(12)),
            new Spec("ema(200)", l -> l.ema(200)),
            new Spec("wma(20)", l -> l.wma(20)),
            new Spec("rsi(2)", l -> l.rsi(2)),
            new Spec("rsi(14)", l -> l.rsi(14)),
            new Spec("macd(12,26,9).macd", l -> l.macd(12, 26, 9).macd()),
            new Spec("macd(12,26,9).signal", l -> l.macd(12, 26, 9).signal()),
            new Spec("macd(12,26,9).histogram", l -> l.macd(12, 26, 9).histogram()),
            new Spec("macd(3,10,16).signal", l -> l.macd(3, 10, 16).signal()),
            new Spec("bollinger(20,2).upper", l -> l.bollinger(20, 2).upper()),
            new Spec("bollinger(20,2).lower", l -> l.bollinger(20, 2).lower()),
            new Spec("atr(14)", l -> l.atr(14)),
            new Spec("adx(14)", l -> l.adx(14).adx()),
            new Spec("adx(14).plusDI", l -> l.adx(14).plusDI()),
            new Spec("adx(14).minusDI", l -> l.adx(14).minusDI()),
            new Spec("adx(2)", l -> l.adx(2).adx()),
            new Spec("stochastic(14,3).k", l -> l.stochastic(14, 3).k()),
            new Spec("stochastic(14,3).d", l -> l.stochastic(14, 3).d()),
            new Spec("vwap(14)", l -> l.vwap(14)),
            new Spec("donchian(20).middle", l -> l.donchian(20).middle()),
            new Spec("keltner(20,10,2).upper", l -> l.keltner(20, 10, 2).upper()),
            new Spec("keltner(20,10,2).middle", l -> l.keltner(20, 10, 2).middle()),
            new Spec("stdDev(20)", l -> l.stdDev(20)),
            // (close − SMA) / σ: the SMA's running sum is rounded as ta4j's, so a late start differs by a few
            // ulps of the price in the numerator, which a nearly flat window (σ ~ 0.005) magnifies.
            new Spec("zScore(20)", l -> l.zScore(20), (l, bar) -> 16 * Math.ulp(bar.close()) / l.stdDev(20).value()),
            new Spec("highest(20)", l -> l.highest(20)),
            new Spec("lowest(20)", l -> l.lowest(20)));

    @Test
    void theUnstablePeriodsAreTheDocumentedOnes() {
        IndicatorLibrary lib = library();
        for (Indicator windowed : List.of(lib.sma(20), lib.wma(20), lib.highest(20), lib.lowest(20), lib.stdDev(20),
                lib.zScore(20), lib.vwap(20), lib.donchian(20).upper(), lib.donchian(20).middle(),
                lib.bollinger(20, 2).lower())) {
            assertEquals(19, windowed.unstableBars(), windowed.toString());
        }
        assertEquals(297, lib.ema(20).unstableBars());
        assertEquals(397, lib.rsi(14).unstableBars());
        assertEquals(387, lib.atr(14).unstableBars());
        assertEquals(397, lib.adx(14).plusDI().unstableBars());
        assertEquals(453, lib.adx(14).adx().unstableBars());
        assertEquals(386, lib.macd(12, 26, 9).macd().unstableBars());
        assertEquals(400, lib.macd(12, 26, 9).signal().unstableBars());
        assertEquals(400, lib.macd(12, 26, 9).histogram().unstableBars());
        assertEquals(297, lib.keltner(20, 10, 2).middle().unstableBars());
        assertEquals(297, lib.keltner(20, 10, 2).upper().unstableBars());
        assertEquals(13, lib.stochastic(14, 3).k().unstableBars());
        assertEquals(15, lib.stochastic(14, 3).d().unstableBars());
        assertEquals(0, lib.obv().unstableBars());
    }

    Stream<Arguments> starts() {
        return Stream.of(Arguments.of("BTC-USD", 1500), Arguments.of("BTC-USD", 7000), Arguments.of("ETH-USD", 600));
    }

    @ParameterizedTest(name = "{0} from bar {1}")
    @MethodSource("starts")
    void aLateStartAgreesOnceStable(String name, int start) {
        List<Bar> bars = market(name).bars();
        IndicatorLibrary full = library();
        IndicatorLibrary late = library();
        List<Indicator> fullSpecs = SPECS.stream().map(s -> s.make().apply(full)).toList();
        List<Indicator> lateSpecs = SPECS.stream().map(s -> s.make().apply(late)).toList();
        Indicator fullObv = full.obv();
        Indicator lateObv = late.obv();
        int[] lastDisagreement = new int[SPECS.size()];
        java.util.Arrays.fill(lastDisagreement, -1);
        for (int i = 0; i < bars.size(); i++) {
            full.update(bars.get(i));
            if (i < start) {
                continue;
            }
            late.update(bars.get(i));
            int t = i - start;
            for (int k = 0; k < SPECS.size(); k++) {
                Indicator f = fullSpecs.get(k);
                Indicator l = lateSpecs.get(k);
                assertEquals(l.bars() > l.unstableBars(), l.isStable());
                double tolerance = Comparison.TOLERANCE * Math.max(1, Math.abs(f.value()))
                        + SPECS.get(k).slack().applyAsDouble(full, bars.get(i));
                boolean agrees = Double.isNaN(f.value()) ? Double.isNaN(l.value())
                        : Math.abs(l.value() - f.value()) <= tolerance;
                if (!agrees) {
                    lastDisagreement[k] = t;
                    if (l.isStable()) {
                        fail(name + " " + SPECS.get(k).name() + " started at bar " + start + ": stable after "
                                + l.unstableBars() + " bars but bar " + t + " is " + l.value() + ", a full history gives "
                                + f.value());
                    }
                }
            }
            if (t > 0) {
                assertEquals(fullObv.value() - fullObv.previous(), lateObv.value() - lateObv.previous(), 1e-6);
            }
        }
        for (int k = 0; k < SPECS.size(); k++) {
            Indicator l = lateSpecs.get(k);
            assertTrue(bars.size() - start > l.unstableBars() + 100, SPECS.get(k).name() + " never became stable");
            LOG.info("{} from {}: {} unstableBars {}, agrees from bar {}", name, start, SPECS.get(k).name(),
                    l.unstableBars(), lastDisagreement[k] + 1);
        }
        assertEquals(0, lateObv.unstableBars());
    }
}
