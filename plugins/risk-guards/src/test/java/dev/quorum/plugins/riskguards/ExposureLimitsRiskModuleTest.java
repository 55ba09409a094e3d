package dev.quorum.plugins.riskguards;

import static dev.quorum.plugins.riskguards.CorrelationTest.T0;
import static dev.quorum.plugins.riskguards.CorrelationTest.variedFactors;
import static dev.quorum.plugins.riskguards.Fixtures.BTC;
import static dev.quorum.plugins.riskguards.Fixtures.ETH;
import static dev.quorum.plugins.riskguards.Fixtures.LTC;
import static dev.quorum.plugins.riskguards.Fixtures.bars;
import static dev.quorum.plugins.riskguards.Fixtures.context;
import static dev.quorum.plugins.riskguards.Fixtures.intent;
import static dev.quorum.plugins.riskguards.Fixtures.path;
import static dev.quorum.plugins.riskguards.Fixtures.portfolio;
import static dev.quorum.plugins.riskguards.Fixtures.position;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.Markets;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import dev.quorum.testkit.TestMarkets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureLimitsRiskModuleTest {

    private static final Direction LONG = Direction.LONG;
    private static final Direction SHORT = Direction.SHORT;

    private final ExposureLimitsRiskModule module = new ExposureLimitsRiskModule();

    private RiskCheck check(Markets markets, Object... parameters) {
        return module.create(context(module, markets, parameters));
    }

    /** BTC, ETH and LTC with 31 bars each; ETH's closes are twice BTC's, LTC's move + − + − (weakly correlated with BTC). */
    private static TestMarkets markets() {
        double[] btc = path(100, variedFactors(30));
        double[] ltcFactors = new double[30];
        for (int i = 0; i < 30; i++) {
            ltcFactors[i] = i % 2 == 0 ? 1.01 : 1 / 1.01;
        }
        return new TestMarkets(BTC, ETH, LTC)
                .bars(BTC, bars(BTC, T0, btc))
                .bars(ETH, bars(ETH, T0, Arrays.stream(btc).map(c -> 2 * c).toArray()))
                .bars(LTC, bars(LTC, T0, path(50, ltcFactors)));
    }

    /** BTC moving + + − −, ETH + − + −: uncorrelated (ρ = 0 over whole cycles: 28 returns). */
    private static TestMarkets uncorrelatedMarkets() {
        double[] btcFactors = new double[28];
        double[] ethFactors = new double[28];
        for (int i = 0; i < 28; i++) {
            btcFactors[i] = i % 4 < 2 ? 1.01 : 1 / 1.01;
            ethFactors[i] = i % 2 == 0 ? 1.01 : 1 / 1.01;
        }
        return new TestMarkets(BTC, ETH)
                .bars(BTC, bars(BTC, T0, path(100, btcFactors)))
                .bars(ETH, bars(ETH, T0, path(200, ethFactors)));
    }

    @Test
    void approvesWithinEveryLimit() {
        assertEquals(RiskDecision.approve(), check(markets()).evaluate(intent(10, 100), portfolio(10_000)));
    }

    @Test
    void thePerSymbolLimitBinds() {
        // BTC holds 30 units marked at 100: 3,000 of the 5,000 allowed on one symbol
        RiskDecision decision = check(markets()).evaluate(intent(40, 100),
                portfolio(10_000).with(position(BTC, LONG, 30, 90)).price(BTC, 100));
        assertEquals(Verdict.RESIZE, decision.verdict());
        assertEquals(20, decision.quantity(), 1e-9);
        assertEquals("exposure-limits: maxSymbolExposure binds: BTC-USD holds 3000.00 = 30.00% of equity 10000.00"
                + " (limit 50.00%); room 2000.00 at 100.00 → 20.000000", decision.reason());
    }

    @Test
    void aPositionWithoutALastPriceIsMarkedAtItsEntry() {
        RiskDecision decision = check(markets()).evaluate(intent(40, 100), portfolio(10_000).with(position(BTC, LONG, 30, 90)));
        assertEquals(23, decision.quantity(), 1e-9);   // 5,000 − 30 · 90 = 2,300
    }

    @Test
    void rejectsWhenALimitIsReached() {
        RiskDecision decision = check(markets()).evaluate(intent(1, 100),
                portfolio(10_000).with(position(BTC, LONG, 50, 100)).price(BTC, 100));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("exposure-limits: maxSymbolExposure binds: BTC-USD holds 5000.00 = 50.00% of equity 10000.00"
                + " (limit 50.00%); no room for a new entry", decision.reason());
        // beyond it after a price rise: still no room
        decision = check(markets()).evaluate(intent(1, 100),
                portfolio(10_000).with(position(BTC, LONG, 50, 100)).price(BTC, 120));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertTrue(decision.reason().contains("BTC-USD holds 6000.00 = 60.00%"), decision.reason());
    }

    @Test
    void theTotalLimitBindsAndCountsLongsAndShorts() {
        TestMarkets markets = markets();
        RiskDecision decision = check(markets).evaluate(intent(30, 100), portfolio(10_000)
                .with(position(ETH, SHORT, 40, 100), position(LTC, LONG, 45, 100)).price(ETH, 100).price(LTC, 100));
        assertEquals(Verdict.RESIZE, decision.verdict());
        assertEquals(15, decision.quantity(), 1e-9);
        assertEquals("exposure-limits: maxTotalExposure binds: all symbols hold 8500.00 = 85.00% of equity 10000.00"
                + " (limit 100.00%); room 1500.00 at 100.00 → 15.000000", decision.reason());
    }

    @Test
    void theCorrelatedLimitBindsOnPerfectlyCorrelatedSymbols() {
        // ETH's closes are twice BTC's: correlation 1; a 5,000 ETH long leaves 7,500 − 5,000 for BTC longs
        RiskDecision decision = check(markets()).evaluate(intent(30, 100),
                portfolio(10_000).with(position(ETH, LONG, 25, 200)).price(ETH, 200));
        assertEquals(Verdict.RESIZE, decision.verdict());
        assertEquals(25, decision.quantity(), 1e-9);
        assertEquals("exposure-limits: maxCorrelatedExposure binds: LONG exposure on BTC-USD and symbols correlated"
                + " at >= 0.70 (ETH-USD (correlation 1.00)) is 5000.00 = 50.00% of equity 10000.00 (limit 75.00%);"
                + " room 2500.00 at 100.00 → 25.000000", decision.reason());
    }

    @Test
    void theCorrelatedLimitCountsTheIntentsOwnSymbolAndShortsForAShort() {
        // a short ETH entry: BTC shorts correlate with it, the ETH short waiting to fill is its own symbol
        RiskDecision decision = check(markets(), "maxSymbolExposure", 1.0).evaluate(intent(ETH, SHORT, 20, 200),
                portfolio(10_000).with(position(BTC, SHORT, 30, 100)).price(BTC, 100)
                        .pending(intent(ETH, SHORT, 10, 200)));
        // correlated: 3,000 + 2,000 = 5,000 of 7,500 → 2,500 at 200 = 12.5
        assertEquals(12.5, decision.quantity(), 1e-9);
        assertTrue(decision.reason().startsWith("exposure-limits: maxCorrelatedExposure binds: SHORT exposure on ETH-USD"
                + " and symbols correlated at >= 0.70 (BTC-USD (correlation 1.00), ETH-USD) is 5000.00"), decision.reason());
    }

    @Test
    void anOppositeDirectionPositionIsNotCountedAsCorrelated() {
        // the same ETH exposure as a short: only the symbol and total limits see it, leaving room for 50
        RiskCheck check = check(markets());
        assertEquals(RiskDecision.approve(), check.evaluate(intent(30, 100),
                portfolio(10_000).with(position(ETH, SHORT, 25, 200)).price(ETH, 200)));
        RiskDecision decision = check.evaluate(intent(60, 100),
                portfolio(10_000).with(position(ETH, SHORT, 25, 200)).price(ETH, 200));
        assertEquals(50, decision.quantity(), 1e-9);
        assertTrue(decision.reason().startsWith("exposure-limits: maxSymbolExposure binds"), decision.reason());
    }

    @Test
    void anUnknownCorrelationCountsAsCorrelated() {
        // five bars each: fewer than 10 aligned returns
        double[] btc = {100, 101, 99, 102, 100};
        double[] eth = {200, 199, 203, 198, 201};
        TestMarkets shortHistory = new TestMarkets(BTC, ETH).bars(BTC, bars(BTC, T0, btc)).bars(ETH, bars(ETH, T0, eth));
        RiskDecision decision = check(shortHistory).evaluate(intent(30, 100),
                portfolio(10_000).with(position(ETH, LONG, 25, 200)).price(ETH, 200));
        assertEquals(25, decision.quantity(), 1e-9);
        assertTrue(decision.reason().contains("(ETH-USD (correlation unknown, counted as correlated))"), decision.reason());
    }

    @Test
    void aSymbolOutsideTheMarketsCountsAsCorrelated() {
        RiskDecision decision = check(Markets.none()).evaluate(intent(30, 100),
                portfolio(10_000).with(position(ETH, LONG, 25, 200)).price(ETH, 200));
        assertEquals(25, decision.quantity(), 1e-9);
        assertTrue(decision.reason().contains("ETH-USD (correlation unknown, counted as correlated)"), decision.reason());
    }

    @Test
    void anUncorrelatedSymbolIsNotCounted() {
        RiskDecision decision = check(uncorrelatedMarkets()).evaluate(intent(30, 100),
                portfolio(10_000).with(position(ETH, LONG, 25, 200)).price(ETH, 200));
        assertEquals(RiskDecision.approve(), decision);
        // with a tighter correlated limit only BTC's own exposure (none) counts
        decision = check(uncorrelatedMarkets(), "maxCorrelatedExposure", 0.2).evaluate(intent(30, 100),
                portfolio(10_000).with(position(ETH, LONG, 25, 200)).price(ETH, 200));
        assertEquals(20, decision.quantity(), 1e-9);
        assertEquals("exposure-limits: maxCorrelatedExposure binds: LONG exposure on BTC-USD and symbols correlated"
                + " at >= 0.70 (none held) is 0.00 = 0.00% of equity 10000.00 (limit 20.00%);"
                + " room 2000.00 at 100.00 → 20.000000", decision.reason());
    }

    @Test
    void theThresholdDecidesWhatCorrelates() {
        // LTC's + − + − against BTC's varied path: a weak correlation, counted only under a low threshold
        TestMarkets markets = markets();
        double rho = Correlation.of(markets.history(BTC), markets.history(LTC), 120);
        assertTrue(Math.abs(rho) < 0.7, "rho " + rho);
        var portfolio = portfolio(10_000).with(position(LTC, LONG, 100, 50)).price(LTC, 50);
        assertEquals(RiskDecision.approve(), check(markets, "correlationThreshold", 0.7).evaluate(intent(30, 100), portfolio));
        RiskDecision low = check(markets, "correlationThreshold", Math.max(0, rho - 0.01))
                .evaluate(intent(30, 100), portfolio);
        assertEquals(25, low.quantity(), 1e-9);
    }

    @Test
    void entriesWaitingToFillCount() {
        // a BTC entry still pending: 4,000 of the symbol's 5,000
        RiskDecision decision = check(markets()).evaluate(intent(40, 100),
                portfolio(10_000).pending(intent(BTC, LONG, 40, 100)));
        assertEquals(10, decision.quantity(), 1e-9);
        assertTrue(decision.reason().contains("BTC-USD holds 4000.00"), decision.reason());
        // with a 6,000 ETH short pending as well, the total is full
        decision = check(markets()).evaluate(intent(40, 100),
                portfolio(10_000).pending(intent(BTC, LONG, 40, 100), intent(ETH, SHORT, 30, 200)));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("exposure-limits: maxTotalExposure binds: all symbols hold 10000.00 = 100.00% of equity 10000.00"
                + " (limit 100.00%); no room for a new entry", decision.reason());
    }

    @Test
    void aPartlyFilledEntryCountsBothParts() {
        RiskDecision decision = check(markets()).evaluate(intent(40, 100), portfolio(10_000)
                .with(position(BTC, LONG, 20, 100)).price(BTC, 100).pending(intent(BTC, LONG, 20, 100)));
        assertEquals(10, decision.quantity(), 1e-9);
    }

    @Test
    void limitsScaleWithCurrentEquity() {
        RiskDecision decision = check(markets()).evaluate(intent(40, 100), portfolio(6_000));
        assertEquals(30, decision.quantity(), 1e-9);   // 50% of 6,000 at 100
    }

    @Test
    void rejectsWithoutPositiveEquity() {
        assertEquals("exposure-limits: equity -10.00 is not positive",
                check(markets()).evaluate(intent(1, 100), portfolio(-10)).reason());
        assertEquals(Verdict.REJECT, check(markets()).evaluate(intent(1, 100), portfolio(0)).verdict());
        assertEquals(Verdict.REJECT, check(markets()).evaluate(intent(1, 100), portfolio(Double.NaN)).verdict());
    }

    @Test
    void declaresItsParameters() {
        assertEquals("exposure-limits", module.info().id());
        List<ParameterSpec> specs = module.info().parameters();
        assertEquals(List.of("maxSymbolExposure", "maxTotalExposure", "maxCorrelatedExposure", "correlationThreshold",
                "correlationBars"), specs.stream().map(ParameterSpec::name).toList());
        assertEquals(List.of(0.5, 1.0, 0.75, 0.7, 120), specs.stream().map(ParameterSpec::defaultValue).toList());
        assertEquals(10.0, specs.get(0).max());
        assertEquals(100_000.0, specs.get(4).max());
    }
}
