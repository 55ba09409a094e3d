package dev.quorum.core.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Situation;

/** The situation's buckets at their edges. */
class SituationReaderTest {

    @Test
    void regimeTrendsFromAdx25() {
        assertEquals(Situation.Regime.RANGE, SituationReader.regime(24.999, 30, 10));
        assertEquals(Situation.Regime.TREND_UP, SituationReader.regime(25, 30, 10));
        assertEquals(Situation.Regime.TREND_DOWN, SituationReader.regime(40, 10, 30));
        assertEquals(Situation.Regime.TREND_DOWN, SituationReader.regime(40, 20, 20), "+DI not above -DI");
        assertEquals(Situation.Regime.UNKNOWN, SituationReader.regime(Double.NaN, 30, 10));
    }

    @Test
    void volatilityIsTheShortAtrAgainstTheLongOne() {
        assertEquals(Situation.Level.LOW, SituationReader.volatility(0.79, 1));
        assertEquals(Situation.Level.NORMAL, SituationReader.volatility(0.8, 1));
        assertEquals(Situation.Level.NORMAL, SituationReader.volatility(1.25, 1));
        assertEquals(Situation.Level.HIGH, SituationReader.volatility(1.26, 1));
        assertEquals(Situation.Level.UNKNOWN, SituationReader.volatility(1, Double.NaN));
        assertEquals(Situation.Level.UNKNOWN, SituationReader.volatility(1, 0));
    }
}
