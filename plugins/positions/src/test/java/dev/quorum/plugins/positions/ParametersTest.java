package dev.quorum.plugins.positions;

import static dev.quorum.plugins.positions.Fixtures.BTC;
import static dev.quorum.plugins.positions.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.ParameterType;
import dev.quorum.testkit.TestMarkets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declared parameters and the values {@code create} refuses. */
class ParametersTest {

    private final TestMarkets markets = new TestMarkets(BTC);

    @Test
    void declaresExactlyTheDocumentedParameters() {
        List<ParameterSpec> specs = new AdaptiveExitsManager().info().parameters();
        assertEquals(List.of("atrPeriod", "stopMode", "stopAtr", "stopPct", "targetMode", "targetAtr", "targetPct",
                "useSignalLevels", "minStopPct", "maxStopPct", "minTargetPct", "maxTargetPct", "trailMode", "trailAtr",
                "trailPct", "trailActivation", "breakEvenGain", "breakEvenOffset", "maxBars", "layers",
                "highVolatilityAtrPct", "highVolatilityFactor", "timeUrgentShare", "timeUrgentFactor", "timeNearShare",
                "timeNearFactor", "momentumBars", "momentumFactor", "dcaMode", "dcaHighConfidence", "dcaLowConfidence",
                "splits2", "splits3", "splits4", "dcaSpacingPct", "dcaSpacingBars", "hedgeDrawdown", "hedgeShare", "hedgeRelease"),
                specs.stream().map(ParameterSpec::name).toList());
        assertEquals(List.of(14, "atr", 2.0, 0.02, "atr", 4.0, 0.04, true, 0.002, 0.05, 0.002, 0.10, "atr", 2.5, 0.015,
                0.0, 0.01, 0.002, 0, true, 0.002, 1.5, 0.134, 0.2, 0.267, 0.5, 5, 0.6, "off", 0.75, 0.65, "60,40",
                "40,35,25", "30,27,23,20", 0.005, 5, 0.10, 0.5, 0.05),
                specs.stream().map(ParameterSpec::defaultValue).toList());
        // [min, max] of the numbers; the others are NaN
        double[][] ranges = {
            {1, 1000}, null, {0.1, 50}, {0.0005, 0.5}, null, {0.1, 100}, {0.0005, 0.99}, null, {0, 0.5}, {0.0001, 0.5},
            {0, 0.99}, {0.0001, 0.99}, null, {0.1, 50}, {0.0005, 0.5}, {0, 1}, {0, 1}, {0, 0.05}, {0, 1_000_000}, null,
            {0, 1}, {1, 10}, {0, 1}, {0.01, 1}, {0, 1}, {0.01, 1}, {1, 1000}, {0.01, 1},
            null, {0, 1}, {0, 1}, null, null, null, {0.0001, 0.2}, {1, 10_000}, {0, 1}, {0.01, 1}, {0, 1},
        };
        assertEquals(ranges.length, specs.size());
        for (int i = 0; i < specs.size(); i++) {
            ParameterSpec spec = specs.get(i);
            if (ranges[i] != null) {
                assertEquals(ranges[i][0], spec.min(), spec.name());
                assertEquals(ranges[i][1], spec.max(), spec.name());
            }
        }
        assertEquals(ParameterType.INTEGER, specs.get(0).type());
        assertEquals(ParameterType.INTEGER, specs.get(18).type());
        assertEquals(ParameterType.INTEGER, specs.get(26).type());
        assertEquals(ParameterType.BOOLEAN, specs.get(7).type());
        assertEquals(ParameterType.BOOLEAN, specs.get(19).type());
        assertEquals(List.of("atr", "percent"), specs.get(1).choices());
        assertEquals(List.of("atr", "percent"), specs.get(4).choices());
        assertEquals(List.of("off", "atr", "percent"), specs.get(12).choices());
        assertEquals(List.of("off", "price", "bars"), specs.get(28).choices());
        for (int i = 31; i <= 33; i++) {
            assertEquals(ParameterType.TEXT, specs.get(i).type(), specs.get(i).name());
        }
        assertEquals(ParameterType.DECIMAL, specs.get(34).type());
        assertEquals(ParameterType.INTEGER, specs.get(35).type());
        for (int i = 36; i <= 38; i++) {
            assertEquals(ParameterType.DECIMAL, specs.get(i).type(), specs.get(i).name());
        }
    }

    @Test
    void aMinimumStopAboveTheMaximumIsRefused() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> policy(markets, "minStopPct", 0.02, "maxStopPct", 0.01));
        assertEquals("minStopPct", e.parameter());
        assertEquals(0.02, e.value());
        assertEquals("at most maxStopPct (0.01)", e.expected());
        // against the default maximum 0.05
        assertEquals("minStopPct", assertThrows(ParameterException.class, () -> policy(markets, "minStopPct", 0.3)).parameter());
        // equal bounds fix the distance
        assertDoesNotThrow(() -> policy(markets, "minStopPct", 0.01, "maxStopPct", 0.01));
    }

    @Test
    void aMinimumTargetAboveTheMaximumIsRefused() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> policy(markets, "minTargetPct", 0.2, "maxTargetPct", 0.1));
        assertEquals("minTargetPct", e.parameter());
        assertEquals(0.2, e.value());
        assertEquals("at most maxTargetPct (0.1)", e.expected());
        assertEquals("minTargetPct", assertThrows(ParameterException.class,
                () -> policy(markets, "maxTargetPct", 0.001)).parameter());
        assertDoesNotThrow(() -> policy(markets, "minTargetPct", 0.1, "maxTargetPct", 0.1));
    }

    @Test
    void anUrgentShareAboveTheNearShareIsRefused() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> policy(markets, "timeUrgentShare", 0.5, "timeNearShare", 0.3));
        assertEquals("timeUrgentShare", e.parameter());
        assertEquals(0.5, e.value());
        assertEquals("at most timeNearShare (0.3)", e.expected());
        assertEquals("timeUrgentShare", assertThrows(ParameterException.class,
                () -> policy(markets, "timeNearShare", 0.1)).parameter());
        assertDoesNotThrow(() -> policy(markets, "timeUrgentShare", 0.3, "timeNearShare", 0.3));
    }

    @Test
    void theDefaultsAreUsable() {
        assertDoesNotThrow(() -> policy(markets));
        assertDoesNotThrow(() -> policy(new TestMarkets()));
    }
}
