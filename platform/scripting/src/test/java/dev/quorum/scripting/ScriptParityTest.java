package dev.quorum.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.Signal;
import dev.quorum.core.config.BotConfig;
import dev.quorum.plugins.technical.EMACrossoverStrategy;

/**
 * The JavaScript port of {@code ema-crossover} (scripts/examples/ema_crossover.js) and its Java
 * original, each alone through the real engine on three days of real BTC-USD minutes: the same vote
 * on every bar (direction and confidence, bit for bit) and the same trades.
 */
class ScriptParityTest {

    private static final Instant FROM = Instant.parse("2018-04-04T00:00:00Z");
    private static final Instant TO = Instant.parse("2018-04-07T00:00:00Z");

    @Test
    void theJavaScriptPortVotesAndTradesExactlyAsTheJavaStrategy() {
        List<Bar> bars = Scripts.candles("coinbase_BTC-USD_1m.csv", "BTC-USD", FROM, TO);
        assertTrue(bars.size() > 3000, "bars: " + bars.size());
        Map<String, Object> params = Map.of("fast", 12, "slow", 26, "fullConfidenceSpread", 0.001);

        Scripts.Run java = Scripts.backtest(bars, List.of(new BotConfig("java", EMACrossoverStrategy.ID, params)),
                List.of(new EMACrossoverStrategy()));
        ScriptStrategy script = new ScriptStrategy(Scripts.RUNTIME,
                ScriptDefinition.load(Scripts.RUNTIME, Scripts.scriptsDir().resolve("examples/ema_crossover.js"), "ema_crossover.js"));
        Scripts.Run js;
        try (script) {
            js = Scripts.backtest(bars, List.of(new BotConfig("js", "ema-crossover-js", params)), List.of(script));
        }

        assertEquals(List.of(), js.errors());
        List<Signal> a = java.signals().get(0);
        List<Signal> b = js.signals().get(0);
        assertEquals(bars.size(), a.size());
        assertEquals(a.size(), b.size());
        int directional = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).direction(), b.get(i).direction(), "direction on bar " + i + " " + bars.get(i).openTime());
            assertEquals(a.get(i).confidence(), b.get(i).confidence(), 0.0, "confidence on bar " + i + " " + bars.get(i).openTime());
            directional += a.get(i).direction() == dev.quorum.api.Direction.FLAT ? 0 : 1;
        }
        assertTrue(directional > bars.size() / 2, "the comparison covers directional votes: " + directional);
        assertFalse(java.trades().isEmpty());
        assertEquals(java.trades(), js.trades());
    }
}
