package dev.quorum.indicator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/** Arguments are checked, with a message naming the indicator, the argument, its value and what is allowed. */
class ValidationTest {

    private final IndicatorLibrary lib = new IndicatorLibrary(Timeframe.M1);

    private static void rejects(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void periodsBelowTheMinimumAreRejected() {
        rejects(() -> lib.sma(0), "sma", "period", "was 0", "from 1");
        rejects(() -> lib.ema(-3), "ema", "period", "was -3", "from 1");
        rejects(() -> lib.wma(0), "wma", "period", "was 0");
        rejects(() -> lib.rsi(1), "rsi", "period", "was 1", "from 2");
        rejects(() -> lib.atr(0), "atr", "period", "was 0");
        rejects(() -> lib.adx(1), "adx", "period", "was 1", "from 2");
        rejects(() -> lib.vwap(0), "vwap", "period", "was 0");
        rejects(() -> lib.donchian(0), "donchian", "period", "was 0");
        rejects(() -> lib.stdDev(1), "stdDev", "period", "was 1", "from 2");
        rejects(() -> lib.zScore(1), "zScore", "period", "was 1", "from 2");
        rejects(() -> lib.highest(0), "highest", "period", "was 0");
        rejects(() -> lib.lowest(0), "lowest", "period", "was 0");
        rejects(() -> lib.bollinger(1, 2), "bollinger", "period", "was 1", "from 2");
        rejects(() -> lib.stochastic(0, 3), "stochastic", "kPeriod", "was 0");
        rejects(() -> lib.stochastic(14, 0), "stochastic", "dPeriod", "was 0");
        rejects(() -> lib.keltner(0, 10, 2), "keltner", "emaPeriod", "was 0");
        rejects(() -> lib.keltner(20, 0, 2), "keltner", "atrPeriod", "was 0");
        rejects(() -> lib.macd(0, 26, 9), "macd", "fast", "was 0");
        rejects(() -> lib.macd(12, 26, 0), "macd", "signal", "was 0");
    }

    @Test
    void periodsAboveTheMaximumAreRejected() {
        rejects(() -> lib.sma(IndicatorLibrary.MAX_PERIOD + 1), "sma", "period", "1000000");
        rejects(() -> lib.highest(Integer.MAX_VALUE), "highest", "period", String.valueOf(Integer.MAX_VALUE));
        assertDoesNotThrow(() -> lib.ema(IndicatorLibrary.MAX_PERIOD));
    }

    @Test
    void macdNeedsSlowGreaterThanFast() {
        rejects(() -> lib.macd(26, 12, 9), "macd", "slow", "greater than fast (26)", "was 12");
        rejects(() -> lib.macd(12, 12, 9), "macd", "slow", "was 12");
        assertDoesNotThrow(() -> lib.macd(1, 2, 1));
    }

    @Test
    void multipliersMustBeFiniteAndPositive() {
        rejects(() -> lib.bollinger(20, 0), "bollinger", "k", "was 0.0", "> 0");
        rejects(() -> lib.bollinger(20, -1), "bollinger", "k", "was -1.0");
        rejects(() -> lib.bollinger(20, Double.NaN), "bollinger", "k", "was NaN");
        rejects(() -> lib.keltner(20, 10, Double.POSITIVE_INFINITY), "keltner", "multiplier", "was Infinity");
        rejects(() -> lib.keltner(20, 10, 0), "keltner", "multiplier", "was 0.0");
    }

    @Test
    void theSmallestValidArgumentsWork() {
        assertDoesNotThrow(() -> {
            lib.sma(1);
            lib.ema(1);
            lib.wma(1);
            lib.rsi(2);
            lib.atr(1);
            lib.adx(2);
            lib.vwap(1);
            lib.donchian(1);
            lib.stdDev(2);
            lib.zScore(2);
            lib.highest(1);
            lib.lowest(1);
            lib.bollinger(2, Double.MIN_VALUE);
            lib.stochastic(1, 1);
            lib.keltner(1, 1, 1e-9);
        });
        Bars bars = new Bars(5);
        Bar last = null;
        for (int i = 0; i < 5; i++) {
            last = bars.next();
            lib.update(last);
        }
        assertEquals(last.close(), lib.ema(1).value());
        assertEquals(last.close(), lib.sma(1).value(), 1e-12, "a running sum, as ta4j's: may be off by an ulp");
    }

    @Test
    void updateRejectsBarsOfAnotherTimeframeSymbolOrOutOfOrder() {
        Bar first = bar("BTC-USD", Timeframe.M1, 120);
        lib.update(first);
        rejects(() -> lib.update(bar("BTC-USD", Timeframe.M5, 300)), "5m", "1m");
        rejects(() -> lib.update(bar("ETH-USD", Timeframe.M1, 180)), "ETH-USD", "BTC-USD");
        rejects(() -> lib.update(bar("BTC-USD", Timeframe.M1, 120)), "not after");
        rejects(() -> lib.update(bar("BTC-USD", Timeframe.M1, 60)), "not after");
        assertDoesNotThrow(() -> lib.update(bar("BTC-USD", Timeframe.M1, 180)));
    }

    private static Bar bar(String symbol, Timeframe timeframe, long second) {
        return new Bar(symbol, timeframe, Instant.ofEpochSecond(second), 10, 11, 9, 10, 1);
    }
}
