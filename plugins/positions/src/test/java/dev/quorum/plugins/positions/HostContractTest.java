package dev.quorum.plugins.positions;

import static dev.quorum.plugins.positions.Fixtures.BTC;
import static dev.quorum.plugins.positions.Fixtures.ETH;
import static dev.quorum.plugins.positions.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.testkit.TestMarkets;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the host relies on. */
class HostContractTest {

    private final AdaptiveExitsManager manager = new AdaptiveExitsManager();

    @Test
    void theIdIsTheDocumentedOne() {
        assertEquals("adaptive-exits", manager.info().id());
        assertEquals(AdaptiveExitsManager.ID, manager.info().id());
        assertSame(manager.info(), manager.info());
    }

    @Test
    void everyCreateReturnsANewPolicy() {
        TestMarkets markets = new TestMarkets(BTC, ETH);
        assertNotSame(manager.create(context(manager, markets)), manager.create(context(manager, markets)));
    }

    @Test
    void createAsksForTheAtrOfEverySymbol() {
        TestMarkets markets = new TestMarkets(BTC, ETH);
        manager.create(context(manager, markets));
        assertEquals(List.of(14), markets.indicatorsOf(BTC).atrPeriods());
        assertEquals(List.of(14), markets.indicatorsOf(ETH).atrPeriods());
        TestMarkets other = new TestMarkets(BTC, ETH);
        manager.create(context(manager, other, "atrPeriod", 30));
        assertEquals(List.of(30), other.indicatorsOf(BTC).atrPeriods());
        assertEquals(List.of(30), other.indicatorsOf(ETH).atrPeriods());
    }

    @Test
    void noStaticMutableState() {
        for (Class<?> type : List.of(AdaptiveExitsManager.class, AdaptiveExitsPolicy.class, InitialLevels.class,
                StopRules.class, TargetLayers.class, TargetLayers.Outcome.class, Fmt.class, Sides.class)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    assertTrue(Modifier.isFinal(field.getModifiers()), type.getSimpleName() + "." + field.getName());
                }
            }
        }
    }

    @Test
    void pf4jIndexesTheManager() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertNotNull(in, "META-INF/extensions.idx is written by PF4J's annotation processor");
            Set<String> indexed = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toSet());
            assertEquals(Set.of(AdaptiveExitsManager.class.getName()), indexed);
        }
    }
}
