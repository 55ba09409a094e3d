package dev.quorum.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Bot families: how a grid or a list of sets becomes bots, their names and where each value sits in config. */
class FamilyConfigTest {

    private static Map<String, List<Object>> grid(Object... keyValues) {
        Map<String, List<Object>> g = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            g.put((String) keyValues[i], (List<Object>) keyValues[i + 1]);
        }
        return g;
    }

    @Test
    void aGridMakesEveryCombinationTheLastParameterVaryingFastest() {
        FamilyConfig f = new FamilyConfig("ema", "ema-crossover", Map.of("x", 1), grid("fast", List.of(5, 8), "slow", List.of(21, 34, 55)),
                null);
        List<FamilyConfig.Member> members = f.members();
        assertEquals(List.of("ema-5-21", "ema-5-34", "ema-5-55", "ema-8-21", "ema-8-34", "ema-8-55"),
                members.stream().map(m -> m.bot().name()).toList());
        assertEquals(Map.of("x", 1, "fast", 8, "slow", 34), members.get(4).bot().params());
        assertEquals("ema-crossover", members.get(4).bot().strategy());
        assertEquals(List.of("grid", "slow", 1), members.get(4).keys().get("slow"));
        assertEquals(List.of("grid", "fast", 1), members.get(4).keys().get("fast"));
        assertEquals(List.of("params", "x"), members.get(4).keys().get("x"));
    }

    @Test
    void setsMakeOneBotEachAndDecimalsAndWordsNameThem() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("period", 20);
        first.put("mode", "breakout");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("period", 20);
        second.put("k", 2.5);
        FamilyConfig f = new FamilyConfig("boll", "bollinger", null, null, List.of(first, second));
        assertEquals(List.of("boll-20-breakout", "boll-20-2.5"), f.members().stream().map(m -> m.bot().name()).toList());
        assertEquals(List.of("sets", 1, "k"), f.members().get(1).keys().get("k"));
        assertEquals("boll-2.0", new FamilyConfig("boll", "bollinger", null, grid("k", List.of(2.0)), null).members().get(0).bot().name());
    }

    @Test
    void theShapeIsChecked() {
        assertEquals("family 'x' needs either 'grid' (values to combine) or 'sets' (a list of parameter sets), not neither",
                assertThrows(IllegalArgumentException.class, () -> new FamilyConfig("x", "s", null, null, null)).getMessage());
        assertEquals("family 'x' needs either 'grid' (values to combine) or 'sets' (a list of parameter sets), not both",
                assertThrows(IllegalArgumentException.class,
                        () -> new FamilyConfig("x", "s", null, grid("a", List.of(1)), List.of(Map.of("a", 2)))).getMessage());
        assertEquals("family 'x': grid.a has no values; give a list such as [5, 8, 13]",
                assertThrows(IllegalArgumentException.class, () -> new FamilyConfig("x", "s", null, grid("a", List.of()), null)).getMessage());
        assertEquals("family 'x': 'a' is both in params and in the grid",
                assertThrows(IllegalArgumentException.class,
                        () -> new FamilyConfig("x", "s", Map.of("a", 1), grid("a", List.of(2)), null)).getMessage());
        assertEquals("family 'x' needs 'strategy': the id of a strategy (see ./quorum plugins list)",
                assertThrows(IllegalArgumentException.class, () -> new FamilyConfig("x", null, null, grid("a", List.of(1)), null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FamilyConfig("bad name", "s", null, grid("a", List.of(1)), null));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            many.add(i);
        }
        assertEquals("family 'x': the grid makes more than 1000 bots", assertThrows(IllegalArgumentException.class,
                () -> new FamilyConfig("x", "s", null, grid("a", many, "b", many), null)).getMessage());
        assertEquals("family 'x': mode = 'a b' cannot be part of a bot's name (letters, digits, '.' and '_' only)",
                assertThrows(IllegalArgumentException.class,
                        () -> new FamilyConfig("x", "s", null, grid("mode", List.of("a b")), null).members()).getMessage());
    }

    @Test
    void membersComeAfterTheListedBotsAndNamesStayUnique() {
        FamilyConfig f = new FamilyConfig("ema", "ema-crossover", null, grid("fast", List.of(5)), null);
        QuorumConfig c = QuorumConfig.defaults().withBots(List.of(new BotConfig("rsi", "rsi-reversion", null)));
        c = new QuorumConfig(c.data(), c.engine(), c.broker(), c.storage(), c.bots(), c.risk(), c.scripts(), c.reports(), c.server(),
                c.positions(), List.of(f));
        assertEquals(List.of("rsi", "ema-5"), c.allBots().stream().map(BotConfig::name).toList());
        assertEquals(List.of("families", 0, "grid", "fast", 0), c.configuredBots().get(1).keyOf("fast"));
        assertEquals(List.of("families", 0, "params", "slow"), c.configuredBots().get(1).keyOf("slow"), "a default: near its family");
        assertEquals(List.of("bots", 0, "params", "period"), c.configuredBots().get(0).keyOf("period"));
        QuorumConfig base = c;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QuorumConfig(base.data(), base.engine(),
                base.broker(), base.storage(), List.of(new BotConfig("ema-5", "ema-crossover", null)), base.risk(), base.scripts(),
                base.reports(), base.server(), base.positions(), base.families()));
        assertEquals("families: family 'ema' makes a bot named 'ema-5', which is already a bot in bots; rename the family or the bot",
                e.getMessage());
        assertEquals(List.of("rsi", "extra", "ema-5"),
                c.withAddedBots(List.of(new BotConfig("extra", "macd-cross", null))).allBots().stream().map(BotConfig::name).toList());
        assertEquals(List.of("solo"), c.withBots(List.of(new BotConfig("solo", "macd-cross", null))).allBots().stream()
                .map(BotConfig::name).toList(), "withBots replaces the families too");
    }
}
