package dev.quorum.plugins.riskguards;

import static dev.quorum.plugins.riskguards.CorrelationTest.T0;
import static dev.quorum.plugins.riskguards.Fixtures.BTC;
import static dev.quorum.plugins.riskguards.Fixtures.ETH;
import static dev.quorum.plugins.riskguards.Fixtures.LTC;
import static dev.quorum.plugins.riskguards.Fixtures.bars;
import static dev.quorum.plugins.riskguards.Fixtures.context;
import static dev.quorum.plugins.riskguards.Fixtures.intent;
import static dev.quorum.plugins.riskguards.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorum.api.Direction;
import dev.quorum.api.Markets;
import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import dev.quorum.testkit.TestMarkets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolatilityFilterRiskModuleTest {

    private final VolatilityFilterRiskModule module = new VolatilityFilterRiskModule();

    /** BTC's latest close is 1,000; ETH has no bars yet. */
    private final TestMarkets markets = new TestMarkets(BTC, ETH).bars(BTC, bars(BTC, T0, 990, 1010, 1000));

    private RiskCheck check(Object... parameters) {
        return module.create(context(module, markets, parameters));
    }

    private void atr(String symbol, int period, double value) {
        markets.indicatorsOf(symbol).atrOf(period).set(value);
    }

    private static RiskDecision evaluate(RiskCheck check, double quantity) {
        return check.evaluate(intent(quantity, 1000), portfolio(10_000));
    }

    @Test
    void asksForTheAtrOfEverySymbolWhenCreated() {
        check("atrPeriod", 20);
        assertEquals(List.of(20), markets.indicatorsOf(BTC).atrPeriods());
        assertEquals(List.of(20), markets.indicatorsOf(ETH).atrPeriods());
    }

    @Test
    void approvesInsideTheBand() {
        RiskCheck check = check();
        atr(BTC, 14, 20);    // 2% of 1,000
        assertEquals(RiskDecision.approve(), evaluate(check, 3));
    }

    @Test
    void readsTheLiveValueOnEveryDecision() {
        RiskCheck check = check();
        atr(BTC, 14, 20);
        assertEquals(RiskDecision.approve(), evaluate(check, 3));
        atr(BTC, 14, 80);
        assertEquals(Verdict.REJECT, evaluate(check, 3).verdict());
    }

    @Test
    void bothBoundsAreInside() {
        RiskCheck check = check("minAtrPct", 0.01, "maxAtrPct", 0.05);
        atr(BTC, 14, 50);    // exactly 5%
        assertEquals(RiskDecision.approve(), evaluate(check, 3));
        atr(BTC, 14, 10);    // exactly 1%
        assertEquals(RiskDecision.approve(), evaluate(check, 3));
    }

    @Test
    void blocksAboveTheMaximum() {
        RiskCheck check = check();
        atr(BTC, 14, 50.5);
        RiskDecision decision = evaluate(check, 3);
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("volatility-filter: BTC-USD ATR(14) 50.5000 is 5.05% of the close 1000.00, above the maximum 5.00%",
                decision.reason());
    }

    @Test
    void blocksBelowTheMinimum() {
        RiskCheck check = check("minAtrPct", 0.01);
        atr(BTC, 14, 8);
        RiskDecision decision = evaluate(check, 3);
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("volatility-filter: BTC-USD ATR(14) 8.00000 is 0.80% of the close 1000.00, below the minimum 1.00%",
                decision.reason());
    }

    @Test
    void rejectsWhileTheAtrIsWarmingUp() {
        RiskDecision decision = evaluate(check(), 3);
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("volatility-filter: ATR(14) not yet available: no volatility reading for BTC-USD", decision.reason());
        // shrink mode too: with no reading there is nothing to scale by
        assertEquals(Verdict.REJECT, evaluate(check("mode", "shrink"), 3).verdict());
    }

    @Test
    void shrinkModeResizesOutsideTheBandOnly() {
        RiskCheck check = check("mode", "shrink", "shrinkFactor", 0.25, "minAtrPct", 0.002);
        atr(BTC, 14, 70);
        RiskDecision decision = evaluate(check, 4);
        assertEquals(Verdict.RESIZE, decision.verdict());
        assertEquals(1.0, decision.quantity(), 1e-12);
        assertEquals("volatility-filter: BTC-USD ATR(14) 70.0000 is 7.00% of the close 1000.00, above the maximum 5.00%;"
                + " quantity × 0.25: 4.000000 → 1.000000", decision.reason());
        atr(BTC, 14, 1);
        assertEquals(Verdict.RESIZE, evaluate(check, 4).verdict());
        atr(BTC, 14, 30);
        assertEquals(RiskDecision.approve(), evaluate(check, 4));
        assertEquals(RiskDecision.approve(), evaluate(check("mode", "shrink", "shrinkFactor", 1.0), 4));
    }

    @Test
    void anEmptyHistoryUsesTheReferencePrice() {
        RiskCheck check = check();
        atr(ETH, 14, 60);
        // 60 / 2,000 = 3%, inside; against a close of 1,000 it would be 6%
        assertEquals(RiskDecision.approve(), check.evaluate(intent(ETH, Direction.LONG, 1, 2000), portfolio(10_000)));
        assertEquals(Verdict.REJECT, check.evaluate(intent(ETH, Direction.LONG, 1, 1000), portfolio(10_000)).verdict());
    }

    @Test
    void theLatestCloseIsUsedNotTheReferencePrice() {
        RiskCheck check = check();
        atr(BTC, 14, 40);    // 4% of the close 1,000; it would be 8% of a reference price of 500
        assertEquals(RiskDecision.approve(), check.evaluate(intent(BTC, Direction.SHORT, 1, 500), portfolio(10_000)));
    }

    @Test
    void aSymbolOutsideTheMarketsIsRejected() {
        RiskDecision decision = check().evaluate(intent(LTC, Direction.LONG, 1, 100), portfolio(10_000));
        assertEquals("volatility-filter: no ATR(14) for LTC-USD: the run's markets do not include it", decision.reason());
        RiskCheck none = module.create(context(module, Markets.none()));
        assertEquals(Verdict.REJECT, none.evaluate(intent(1, 100), portfolio(10_000)).verdict());
    }

    @Test
    void aMinimumNotBelowTheMaximumIsAParameterError() {
        ParameterException equal = assertThrows(ParameterException.class, () -> check("minAtrPct", 0.05, "maxAtrPct", 0.05));
        assertEquals("minAtrPct", equal.parameter());
        assertEquals(0.05, equal.value());
        assertEquals("below maxAtrPct (0.05)", equal.expected());
        ParameterException above = assertThrows(ParameterException.class, () -> check("minAtrPct", 0.2));
        assertEquals("minAtrPct", above.parameter());
        assertEquals("below maxAtrPct (0.05)", above.expected());
        // a zero maximum with the default minimum of 0 is an empty band too
        assertThrows(ParameterException.class, () -> check("maxAtrPct", 0.0));
    }

    @Test
    void rejectsWithoutPositiveEquity() {
        atr(BTC, 14, 20);
        assertEquals("volatility-filter: equity 0.00 is not positive",
                check().evaluate(intent(1, 1000), portfolio(0)).reason());
        assertEquals(Verdict.REJECT, check().evaluate(intent(1, 1000), portfolio(Double.NaN)).verdict());
    }

    @Test
    void declaresItsParameters() {
        assertEquals("volatility-filter", module.info().id());
        List<ParameterSpec> specs = module.info().parameters();
        assertEquals(List.of("atrPeriod", "minAtrPct", "maxAtrPct", "mode", "shrinkFactor"),
                specs.stream().map(ParameterSpec::name).toList());
        assertEquals(List.of(14, 0.0, 0.05, "block", 0.5), specs.stream().map(ParameterSpec::defaultValue).toList());
        assertEquals(1000.0, specs.get(0).max());
    }
}
