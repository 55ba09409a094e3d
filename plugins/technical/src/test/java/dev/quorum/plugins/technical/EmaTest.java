package dev.quorum.plugins.technical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmaTest {

    @Test
    void isSeededWithTheSimpleMeanOfTheFirstPeriodValues() {
        Ema ema = new Ema(3);
        ema.add(100);
        ema.add(102);
        assertFalse(ema.isReady());
        assertEquals(2, ema.seen());
        assertTrue(Double.isNaN(ema.value()));

        ema.add(101);
        assertTrue(ema.isReady());
        assertEquals(101, ema.value(), 1e-12); // (100 + 102 + 101) / 3
    }

    @Test
    void smoothsWithTwoOverPeriodPlusOne() {
        Ema ema = new Ema(3); // k = 2 / 4 = 0.5
        for (double x : new double[] {100, 102, 101, 104, 102}) {
            ema.add(x);
        }
        // seed 101; 101 + 0.5 * (104 - 101) = 102.5; 102.5 + 0.5 * (102 - 102.5) = 102.25
        assertEquals(102.25, ema.value(), 1e-12);
        assertEquals(3, ema.seen());
    }

    @Test
    void aLongPeriodIsSeededTheSameWay() {
        Ema ema = new Ema(26);
        for (int i = 1; i <= 26; i++) {
            ema.add(i);
        }
        assertEquals(13.5, ema.value(), 1e-12); // mean of 1..26
        ema.add(40);
        assertEquals(13.5 + 2.0 / 27 * (40 - 13.5), ema.value(), 1e-12);
    }

    @Test
    void rejectsAPeriodBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new Ema(0));
    }
}
