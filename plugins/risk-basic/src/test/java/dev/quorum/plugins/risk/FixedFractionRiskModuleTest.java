package dev.quorum.plugins.risk;

import static dev.quorum.plugins.risk.Fixtures.context;
import static dev.quorum.plugins.risk.Fixtures.intent;
import static dev.quorum.plugins.risk.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import org.junit.jupiter.api.Test;

class FixedFractionRiskModuleTest {

    private final FixedFractionRiskModule module = new FixedFractionRiskModule();

    private RiskCheck check(double fraction) {
        return module.create(context("fixed-fraction", "fraction", fraction));
    }

    @Test
    void shrinksAnIntentLargerThanTheFraction() {
        // 10% of 10,000 = 1,000 buys 1000 / 6800 = 0.14705882 units.
        RiskDecision decision = check(0.1).evaluate(intent(1.4, 6800), portfolio(10_000));
        assertEquals(Verdict.RESIZE, decision.verdict());
        assertEquals(1000.0 / 6800, decision.quantity(), 1e-12);
        assertEquals("fixed-fraction: 10.0% of equity 10000.00 = 1000.00 at 6800.00 → 0.147059", decision.reason());
    }

    @Test
    void approvesAnIntentWithinTheFraction() {
        assertEquals(RiskDecision.approve(), check(0.1).evaluate(intent(0.1, 6800), portfolio(10_000)));
        // Exactly at the limit is within it: 25% of 8,000 = 2,000 = 20 units at 100.
        assertEquals(RiskDecision.approve(), check(0.25).evaluate(intent(20, 100), portfolio(8_000)));
    }

    @Test
    void usesCurrentEquityNotInitialEquity() {
        RiskDecision decision = check(0.5).evaluate(intent(100, 10), portfolio(600));
        assertEquals(30, decision.quantity(), 1e-12); // 50% of 600 = 300 at 10
    }

    @Test
    void rejectsWithoutPositiveEquity() {
        RiskDecision decision = check(0.1).evaluate(intent(1, 100), portfolio(-5));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("fixed-fraction: equity -5.00 is not positive", decision.reason());
        assertEquals(Verdict.REJECT, check(0.1).evaluate(intent(1, 100), portfolio(0)).verdict());
    }

    @Test
    void declaresItsParameter() {
        assertEquals("fixed-fraction", module.info().id());
        assertEquals(0.1, module.info().parameters().getFirst().defaultValue());
    }
}
