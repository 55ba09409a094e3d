package dev.quorum.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.BandsIndicator;
import dev.quorum.api.Bar;
import dev.quorum.api.Indicator;
import dev.quorum.api.MACDIndicator;
import dev.quorum.api.Timeframe;

/** Same spec, same handle; composites share their parts; every node is fed each bar once, inputs first. */
class MemoisationTest {

    private final IndicatorLibrary lib = new IndicatorLibrary(Timeframe.M1);

    @Test
    void theSameSpecReturnsTheSameHandle() {
        assertSame(lib.sma(5), lib.sma(5));
        assertSame(lib.ema(5), lib.ema(5));
        assertSame(lib.wma(5), lib.wma(5));
        assertSame(lib.rsi(14), lib.rsi(14));
        assertSame(lib.macd(12, 26, 9), lib.macd(12, 26, 9));
        assertSame(lib.bollinger(20, 2), lib.bollinger(20, 2.0));
        assertSame(lib.atr(14), lib.atr(14));
        assertSame(lib.adx(14), lib.adx(14));
        assertSame(lib.stochastic(14, 3), lib.stochastic(14, 3));
        assertSame(lib.vwap(14), lib.vwap(14));
        assertSame(lib.obv(), lib.obv());
        assertSame(lib.donchian(20), lib.donchian(20));
        assertSame(lib.keltner(20, 10, 2), lib.keltner(20, 10, 2));
        assertSame(lib.stdDev(20), lib.stdDev(20));
        assertSame(lib.zScore(20), lib.zScore(20));
        assertSame(lib.highest(20), lib.highest(20));
        assertSame(lib.lowest(20), lib.lowest(20));
        int nodes = lib.nodes().size();
        lib.macd(12, 26, 9);
        lib.keltner(20, 10, 2);
        lib.adx(14);
        assertEquals(nodes, lib.nodes().size(), "asking again creates nothing");
    }

    @Test
    void differentParametersAreDifferentIndicators() {
        assertNotSame(lib.sma(5), lib.sma(6));
        assertNotSame(lib.sma(5), lib.ema(5));
        assertNotSame(lib.bollinger(20, 2), lib.bollinger(20, 2.5));
        assertNotSame(lib.highest(5), lib.lowest(5));
        assertNotSame(lib.macd(12, 26, 9).signal(), lib.macd(12, 26, 5).signal());
    }

    @Test
    void macdSharesTheEmasOfTheLibrary() {
        Indicator fast = lib.ema(12);
        Indicator slow = lib.ema(26);
        int before = lib.nodes().size();
        MACDIndicator macd = lib.macd(12, 26, 9);
        assertEquals(before + 3, lib.nodes().size(), "MACD adds its line, signal and histogram, not EMAs");
        MACDIndicator other = lib.macd(12, 26, 5);
        assertSame(macd.macd(), other.macd(), "the line is shared between signal periods");
        assertEquals(before + 5, lib.nodes().size());
        Bars bars = new Bars(1);
        for (int i = 0; i < 300; i++) {
            lib.update(bars.next());
            assertEquals(Double.doubleToLongBits(fast.value() - slow.value()),
                    Double.doubleToLongBits(macd.macd().value()));
        }
    }

    @Test
    void bandsShareTheirMiddleAndWidth() {
        Indicator sma = lib.sma(20);
        Indicator sigma = lib.stdDev(20);
        Indicator atr = lib.atr(10);
        Indicator ema = lib.ema(20);
        int before = lib.nodes().size();
        BandsIndicator bollinger = lib.bollinger(20, 2);
        assertSame(sma, bollinger.middle());
        assertEquals(before + 2, lib.nodes().size(), "upper and lower only");
        BandsIndicator keltner = lib.keltner(20, 10, 2);
        assertSame(ema, keltner.middle());
        assertEquals(before + 4, lib.nodes().size());
        lib.zScore(20);
        assertEquals(before + 5, lib.nodes().size(), "the z-score reads sma(20) and stdDev(20)");
        lib.adx(10);
        Bars bars = new Bars(2);
        for (int i = 0; i < 100; i++) {
            lib.update(bars.next());
        }
        assertEquals(sma.value() + sigma.value() * 2, bollinger.upper().value());
        assertEquals(ema.value() - atr.value() * 2, keltner.lower().value());
    }

    @Test
    void donchianAndStochasticShareTheirExtremes() {
        lib.donchian(14);
        lib.sma(3);
        int before = lib.nodes().size();
        lib.stochastic(14, 3);
        assertEquals(before + 2, lib.nodes().size(), "%K and %D over the Donchian's highest high and lowest low");
    }

    @Test
    void everyNodeIsFedEachBarOnceAfterItsInputs() {
        lib.macd(12, 26, 9);
        lib.adx(14);
        lib.keltner(20, 10, 1.5);
        lib.stochastic(5, 3);
        lib.zScore(30);
        lib.vwap(10);
        lib.obv();
        List<Node> nodes = lib.nodes();
        Bars bars = new Bars(3);
        for (int i = 1; i <= 50; i++) {
            lib.update(bars.next());
            for (Node node : nodes) {
                assertEquals(i, node.bars(), node.toString());
            }
        }
    }

    @Test
    void anIndicatorCreatedLateStartsFromTheNextBar() {
        Bars bars = new Bars(4);
        for (int i = 0; i < 10; i++) {
            lib.update(bars.next());
        }
        Indicator sma = lib.sma(3);
        assertEquals(0, sma.bars());
        assertTrue(Double.isNaN(sma.value()));
        Bar a = bars.next();
        Bar b = bars.next();
        Bar c = bars.next();
        lib.update(a);
        lib.update(b);
        assertTrue(Double.isNaN(sma.value()));
        lib.update(c);
        assertEquals((a.close() + b.close() + c.close()) / 3, sma.value(), 1e-12);
        assertEquals(3, sma.bars());
    }
}
