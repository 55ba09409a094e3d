package dev.quorum.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;

class ParameterBinderTest {

    private final ComponentInfo info = ComponentInfo.of("ema-crossover", "EMA", "test",
            ParameterSpec.integer("fast", 12, 2, 200, "fast"), ParameterSpec.decimal("spread", 0.002, 0.00001, 10, "spread"));

    @Test
    void defaultsFillMissingParametersAndIntegersWidenToDecimals() {
        Parameters p = ParameterBinder.bind("bots[0]", java.util.List.of("bots", 0), info, new BotConfig(null, "ema-crossover", Map.of("spread", 1)));
        assertEquals(12, p.getInt("fast"));
        assertEquals(1.0, p.getDouble("spread"));
    }

    @Test
    void anUnknownParameterIsRefusedListingTheDeclaredOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ParameterBinder.bind("bots[0] 'ema'", java.util.List.of("bots", 0), info, new BotConfig("ema", "ema-crossover", Map.of("fats", 3))));
        assertEquals("bots[0] 'ema': unknown parameter 'fats' for 'ema-crossover' (declared: fast, spread)", e.getMessage());
    }

    @Test
    void anOutOfRangeParameterIsRefusedWithTheAllowedRange() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ParameterBinder.bind("bots[1] 'ema'", java.util.List.of("bots", 0), info, new BotConfig("ema", "ema-crossover", Map.of("fast", 500))));
        assertTrue(e.getMessage().contains("bots[1] 'ema': parameter fast = 500: 500 is out of range [2, 200]"), e.getMessage());
    }

    @Test
    void aDecimalWhereAnIntegerIsDeclaredIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ParameterBinder.bind("bots[0]", java.util.List.of("bots", 0), info, new BotConfig(null, "ema-crossover", Map.of("fast", 12.5))));
        assertTrue(e.getMessage().contains("'12.5' is not an integer"), e.getMessage());
    }
}
