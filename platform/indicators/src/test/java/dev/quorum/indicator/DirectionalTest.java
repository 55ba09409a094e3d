package dev.quorum.indicator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;

import dev.quorum.api.Bar;

/** ATR, ADX, +DI and −DI against ta4j's {@code ATRIndicator} and {@code adx} package. */
class DirectionalTest extends Ta4jReference {

    Stream<Arguments> periods() {
        return cases(p(2), p(5), p(14), p(50));
    }

    @ParameterizedTest(name = "{0} period {1}")
    @MethodSource("periods")
    void atrAndAdxEqualTa4j(String name, int period) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        dev.quorum.api.ADXIndicator adx = lib.adx(period);
        new Comparison(m)
                .check("atr(" + period + ")", lib.atr(period), new ATRIndicator(m.series(), period), period)
                .check("adx(" + period + ")", adx.adx(), new ADXIndicator(m.series(), period), period)
                .check("+di(" + period + ")", adx.plusDI(), new PlusDIIndicator(m.series(), period), period)
                .check("-di(" + period + ")", adx.minusDI(), new MinusDIIndicator(m.series(), period), period)
                .run(lib);
    }

    @ParameterizedTest(name = "{0} atr(1)")
    @MethodSource("markets")
    void atrOfOneIsTheTrueRange(String name) {
        Market m = market(name);
        IndicatorLibrary lib = library();
        new Comparison(m).check("atr(1)", lib.atr(1), new ATRIndicator(m.series(), 1), 1).run(lib);
    }

    Stream<Arguments> markets() {
        return cases(p());
    }

    /**
     * ta4j's DoubleNum treats an ATR below 1e-5 as 0, which zeroes the DIs of an instrument priced
     * under a cent on every bar; the threshold here shrinks with the close, so the DIs survive.
     * The prices are scaled by 2^-20 (about 1e-6), exactly, so that ties between moves stay ties.
     */
    @ParameterizedTest(name = "{0} scaled by 2^-20")
    @MethodSource("markets")
    void aSubCentInstrumentKeepsItsDirectionalIndex(String name) {
        Market m = market(name);
        IndicatorLibrary original = library();
        IndicatorLibrary scaled = library();
        dev.quorum.api.ADXIndicator a = original.adx(14);
        dev.quorum.api.ADXIndicator b = scaled.adx(14);
        int compared = 0;
        int differing = 0;
        for (Bar bar : m.bars()) {
            original.update(bar);
            scaled.update(new Bar(bar.symbol(), bar.timeframe(), bar.openTime(), Math.scalb(bar.open(), -20),
                    Math.scalb(bar.high(), -20), Math.scalb(bar.low(), -20), Math.scalb(bar.close(), -20),
                    bar.volume()));
            if (!Double.isNaN(a.plusDI().value())) {
                compared++;
                if (Math.abs(a.plusDI().value() - b.plusDI().value()) > 1e-6) {
                    differing++;
                }
            }
        }
        assertTrue(compared > 1000);
        assertTrue(differing < compared / 100, differing + " of " + compared + " bars differ");
    }
}
