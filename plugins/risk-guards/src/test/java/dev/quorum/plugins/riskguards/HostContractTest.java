package dev.quorum.plugins.riskguards;

import static dev.quorum.plugins.riskguards.Fixtures.BTC;
import static dev.quorum.plugins.riskguards.Fixtures.ETH;
import static dev.quorum.plugins.riskguards.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Bar;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskModule;
import dev.quorum.testkit.TestMarkets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the host relies on, for all five modules. */
class HostContractTest {

    private static final List<RiskModule> MODULES = List.of(new DailyLossLimitRiskModule(), new DrawdownGuardRiskModule(),
            new ExposureLimitsRiskModule(), new CooldownRiskModule(), new VolatilityFilterRiskModule());

    private static RiskCheck create(RiskModule module) {
        return module.create(context(module, new TestMarkets(BTC, ETH)));
    }

    /** The host's own test (RiskChain): it calls onBar only on checks whose class overrides it. */
    private static boolean overridesOnBar(RiskCheck check) throws NoSuchMethodException {
        return check.getClass().getMethod("onBar", Bar.class, PortfolioView.class).getDeclaringClass() != RiskCheck.class;
    }

    @Test
    void theModulesThatFollowBarsOverrideOnBarAndTheOthersDoNot() throws NoSuchMethodException {
        assertTrue(overridesOnBar(create(new DailyLossLimitRiskModule())));
        assertTrue(overridesOnBar(create(new DrawdownGuardRiskModule())));
        assertTrue(overridesOnBar(create(new CooldownRiskModule())));
        assertFalse(overridesOnBar(create(new ExposureLimitsRiskModule())), "no per-bar cost");
        assertFalse(overridesOnBar(create(new VolatilityFilterRiskModule())), "no per-bar cost");
    }

    @Test
    void everyCreateReturnsANewCheck() {
        for (RiskModule module : MODULES) {
            assertNotSame(create(module), create(module), module.info().id());
        }
    }

    @Test
    void idsAreTheDocumentedOnes() {
        assertEquals(List.of("daily-loss-limit", "drawdown-guard", "exposure-limits", "cooldown", "volatility-filter"),
                MODULES.stream().map(m -> m.info().id()).toList());
    }

    @Test
    void pf4jIndexesAllFiveExtensions() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertNotNull(in, "META-INF/extensions.idx is written by PF4J's annotation processor");
            Set<String> indexed = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toSet());
            assertEquals(MODULES.stream().map(m -> m.getClass().getName()).collect(Collectors.toSet()), indexed);
        }
    }
}
