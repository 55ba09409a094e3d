package dev.quorum.plugins.riskguards;

import static dev.quorum.plugins.riskguards.Fixtures.BTC;
import static dev.quorum.plugins.riskguards.Fixtures.bar;
import static dev.quorum.plugins.riskguards.Fixtures.context;
import static dev.quorum.plugins.riskguards.Fixtures.intent;
import static dev.quorum.plugins.riskguards.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.api.ParameterSpec;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawdownGuardRiskModuleTest {

    private final DrawdownGuardRiskModule module = new DrawdownGuardRiskModule();

    private RiskCheck check(Object... parameters) {
        return module.create(context(module, parameters));
    }

    private static void onBar(RiskCheck check, double equity) {
        check.onBar(bar(BTC, Fixtures.NOW.minusSeconds(60), 100), portfolio(equity));
    }

    private static RiskDecision evaluate(RiskCheck check, double quantity, double equity) {
        return check.evaluate(intent(quantity, 100), portfolio(equity));
    }

    @Test
    void blocksExactlyAtTheLimit() {
        // the peak starts at the initial 10,000; 10% below it is 9,000
        RiskDecision decision = evaluate(check(), 2, 9_000);
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("drawdown-guard: equity 9000.00 is 10.00% below its peak 10000.00 (limit 10.00%);"
                + " no new entries until equity is above 9000.00", decision.reason());
    }

    @Test
    void approvesBelowTheLimit() {
        assertEquals(RiskDecision.approve(), evaluate(check(), 2, 9_000.01));
        assertEquals(RiskDecision.approve(), evaluate(check("maxDrawdown", 0.2), 2, 8_500));
    }

    @Test
    void shrinkModeMultipliesTheQuantity() {
        RiskDecision decision = evaluate(check("mode", "shrink"), 2, 8_500);
        assertEquals(Verdict.RESIZE, decision.verdict());
        assertEquals(1.0, decision.quantity(), 1e-12);
        assertEquals("drawdown-guard: equity 8500.00 is 15.00% below its peak 10000.00 (limit 10.00%);"
                + " quantity × 0.50: 2.000000 → 1.000000", decision.reason());
        assertEquals(0.5, evaluate(check("mode", "shrink", "shrinkFactor", 0.25), 2, 8_500).quantity(), 1e-12);
        // below the limit, shrink mode lets the entry through unchanged
        assertEquals(RiskDecision.approve(), evaluate(check("mode", "shrink"), 2, 9_500));
    }

    @Test
    void aShrinkFactorOfOneApproves() {
        assertEquals(RiskDecision.approve(), evaluate(check("mode", "shrink", "shrinkFactor", 1.0), 2, 8_500));
    }

    @Test
    void blockModeIgnoresTheShrinkFactor() {
        assertEquals(Verdict.REJECT, evaluate(check("mode", "block", "shrinkFactor", 0.25), 2, 8_500).verdict());
    }

    @Test
    void thePeakFollowsNewHighsSeenOnBars() {
        RiskCheck check = check();
        onBar(check, 11_000);
        onBar(check, 12_000);
        onBar(check, 11_500);
        // 10% below 12,000 is 10,800
        assertEquals(RiskDecision.approve(), evaluate(check, 1, 10_800.01));
        RiskDecision decision = evaluate(check, 1, 10_800);
        assertEquals("drawdown-guard: equity 10800.00 is 10.00% below its peak 12000.00 (limit 10.00%);"
                + " no new entries until equity is above 10800.00", decision.reason());
    }

    @Test
    void thePeakFollowsNewHighsSeenInEvaluate() {
        RiskCheck check = check();
        assertEquals(RiskDecision.approve(), evaluate(check, 1, 12_000));
        assertEquals(Verdict.REJECT, evaluate(check, 1, 10_800).verdict());
    }

    @Test
    void recoveryAllowsEntriesAgain() {
        RiskCheck check = check();
        onBar(check, 12_000);
        onBar(check, 10_500);
        assertEquals(Verdict.REJECT, evaluate(check, 1, 10_500).verdict());
        onBar(check, 10_801);
        assertEquals(RiskDecision.approve(), evaluate(check, 1, 10_801));
        // the peak has not moved: a new fall is measured from 12,000
        onBar(check, 10_700);
        assertEquals(Verdict.REJECT, evaluate(check, 1, 10_700).verdict());
    }

    @Test
    void thePeakStartsAtInitialEquity() {
        RiskCheck check = check();
        RiskDecision decision = check.evaluate(intent(1, 100), portfolio(9_400).withInitialEquity(10_500));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("drawdown-guard: equity 9400.00 is 10.48% below its peak 10500.00 (limit 10.00%);"
                + " no new entries until equity is above 9450.00", decision.reason());
    }

    @Test
    void rejectsWithoutPositiveEquity() {
        assertEquals("drawdown-guard: equity 0.00 is not positive", evaluate(check("mode", "shrink"), 1, 0).reason());
        assertEquals(Verdict.REJECT, evaluate(check(), 1, -1).verdict());
        assertEquals(Verdict.REJECT, evaluate(check(), 1, Double.NaN).verdict());
    }

    @Test
    void aNaNEquityDoesNotMoveThePeak() {
        RiskCheck check = check();
        onBar(check, Double.NaN);
        assertEquals(RiskDecision.approve(), evaluate(check, 1, 9_500));
    }

    @Test
    void eachCreateHasItsOwnPeak() {
        RiskCheck first = check();
        onBar(first, 20_000);
        assertEquals(Verdict.REJECT, evaluate(first, 1, 10_000).verdict());
        assertEquals(RiskDecision.approve(), evaluate(check(), 1, 10_000));
    }

    @Test
    void declaresItsParameters() {
        assertEquals("drawdown-guard", module.info().id());
        List<ParameterSpec> specs = module.info().parameters();
        assertEquals(List.of("maxDrawdown", "mode", "shrinkFactor"), specs.stream().map(ParameterSpec::name).toList());
        assertEquals(0.10, specs.get(0).defaultValue());
        assertEquals("block", specs.get(1).defaultValue());
        assertEquals(List.of("block", "shrink"), specs.get(1).choices());
        assertEquals(0.5, specs.get(2).defaultValue());
        assertEquals(0.01, specs.get(2).min());
    }
}
