package dev.quorum.plugins.risksizing;

import static dev.quorum.plugins.risksizing.Fixtures.close;
import static dev.quorum.plugins.risksizing.Fixtures.context;
import static dev.quorum.plugins.risksizing.Fixtures.intent;
import static dev.quorum.plugins.risksizing.Fixtures.portfolio;
import static dev.quorum.plugins.risksizing.Fixtures.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.ParameterType;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class KellySizingRiskModuleTest {

    private static final String A = "bot-a";
    private static final String B = "bot-b";

    /** Half Kelly of 60% wins at payoff 1.5: f* = 0.6 − 0.4 / 1.5 = 1/3, half of it 1/6. */
    private static final double HALF_KELLY_60_15 = 0.5 * (0.6 - 0.4 / 1.5);

    private final KellySizingRiskModule module = new KellySizingRiskModule();

    private RiskCheck check(Object... overrides) {
        return module.create(context(module, overrides));
    }

    /** 18 wins of +150 and 12 losses of −100, interleaved: W = 0.6, R = 1.5. */
    private static long sixtyPercentAtOnePointFive(RiskCheck check, long firstId, String... bots) {
        long id = firstId;
        for (int i = 0; i < 6; i++) {
            id = close(check, id, 3, 150, bots);
            id = close(check, id, 2, -100, bots);
        }
        return id;
    }

    private static void assertResize(double expected, RiskDecision decision) {
        assertEquals(Verdict.RESIZE, decision.verdict(), decision::toString);
        assertEquals(expected, decision.quantity(), 1e-9, decision::toString);
    }

    @Test
    void withoutHistoryUsesTheFallbackFraction() {
        // 10% of 10,000 = 1,000 buys 10 units at 100
        RiskDecision decision = check().evaluate(intent(1000, 100, A), portfolio(10_000));
        assertResize(10.0, decision);
        assertEquals(10.0, decision.quantity());
        assertEquals("kelly-sizing: fewer than minTrades (0 of 30) closed trades: fixed fraction 10.00%"
                + " of equity 10000.00 = 1000.00 at 100.00 → 10.000000", decision.reason());
    }

    @Test
    void theFallbackIsCappedToo() {
        RiskDecision decision = check("fallbackFraction", 0.3, "cap", 0.2).evaluate(intent(1000, 100, A), portfolio(10_000));
        assertResize(20.0, decision);
        assertEquals("kelly-sizing: fewer than minTrades (0 of 30) closed trades: fixed fraction 30.00%, capped at 20.00%"
                + " of equity 10000.00 = 2000.00 at 100.00 → 20.000000", decision.reason());
    }

    @Test
    void oneTradeShortOfMinTradesStillUsesTheFallback() {
        RiskCheck check = check();
        long id = close(check, 1, 18, 150, A);
        id = close(check, id, 11, -100, A);
        RiskDecision decision = check.evaluate(intent(1000, 100, A), portfolio(10_000));
        assertResize(10.0, decision);
        assertEquals("kelly-sizing: fewer than minTrades (29 of 30) closed trades: fixed fraction 10.00%"
                + " of equity 10000.00 = 1000.00 at 100.00 → 10.000000", decision.reason());

        close(check, id, 1, -100, A); // the 30th trade: Kelly from now on
        assertResize(10_000 * HALF_KELLY_60_15 / 100, check.evaluate(intent(1000, 100, A), portfolio(10_000)));
    }

    @Test
    void handComputedHalfKelly() {
        RiskCheck check = check();
        sixtyPercentAtOnePointFive(check, 1, A);
        RiskDecision decision = check.evaluate(intent(1000, 100, A), portfolio(10_000));
        // f* = 1/3, half Kelly 1/6 of 10,000 = 1,666.67 buys 16.666667 units at 100
        assertResize(16.666666666666668, decision);
        assertEquals(10_000 * HALF_KELLY_60_15 / 100, decision.quantity(), 1e-12);
        assertEquals("kelly-sizing: win rate 60.0%, payoff 1.50 over 30 trades: Kelly f* 0.3333 × 0.50 = 16.67%"
                + " of equity 10000.00 = 1666.67 at 100.00 → 16.666667", decision.reason());
    }

    @Test
    void kellyFractionScalesTheFullKelly() {
        RiskCheck check = check("kellyFraction", 0.25);
        sixtyPercentAtOnePointFive(check, 1, A);
        assertResize(10_000 * (0.25 / 3) / 100, check.evaluate(intent(1000, 100, A), portfolio(10_000)));
    }

    @Test
    void theCapBinds() {
        RiskCheck check = check();
        // W = 0.8, R = 200 / 100 = 2: f* = 0.8 − 0.2 / 2 = 0.7, half 0.35 > cap 0.25
        long id = close(check, 1, 24, 200, A);
        close(check, id, 6, -100, A);
        RiskDecision decision = check.evaluate(intent(1000, 100, A), portfolio(10_000));
        assertResize(25.0, decision);
        assertEquals("kelly-sizing: win rate 80.0%, payoff 2.00 over 30 trades: Kelly f* 0.7000 × 0.50 = 35.00%,"
                + " capped at 25.00% of equity 10000.00 = 2500.00 at 100.00 → 25.000000", decision.reason());
    }

    @Test
    void withoutLossesFullKellyIsOneAndTheCapApplies() {
        RiskCheck check = check();
        close(check, 1, 30, 50, A);
        RiskDecision decision = check.evaluate(intent(1000, 100, A), portfolio(10_000));
        assertResize(25.0, decision);
        assertEquals("kelly-sizing: win rate 100.0%, payoff ∞ over 30 trades: Kelly f* 1.0000 × 0.50 = 50.00%,"
                + " capped at 25.00% of equity 10000.00 = 2500.00 at 100.00 → 25.000000", decision.reason());

        RiskCheck full = check("kellyFraction", 1.0, "cap", 1.0);
        close(full, 1, 30, 50, A);
        assertResize(100.0, full.evaluate(intent(1000, 100, A), portfolio(10_000)));
    }

    @Test
    void breakEvenTradesAreLossesOfSizeZero() {
        // 20 wins, 10 trades at exactly 0: R = ∞ and f* = W = 2/3; full Kelly uncapped
        RiskCheck check = check("kellyFraction", 1.0, "cap", 1.0);
        long id = close(check, 1, 20, 100, A);
        close(check, id, 10, 0, A);
        RiskDecision decision = check.evaluate(intent(1000, 100, A), portfolio(10_000));
        assertResize(10_000 * (20.0 / 30) / 100, decision);
        assertEquals("kelly-sizing: win rate 66.7%, payoff ∞ over 30 trades: Kelly f* 0.6667 × 1.00 = 66.67%"
                + " of equity 10000.00 = 6666.67 at 100.00 → 66.666667", decision.reason());
    }

    @Test
    void aNegativeEdgeRejectsWhenNoProbeSizeIsSet() {
        RiskCheck check = check("noEdgeFraction", 0.0);
        // W = 0.4, R = 1: f* = 0.4 − 0.6 = −0.2
        long id = close(check, 1, 12, 100, A);
        close(check, id, 18, -100, A);
        RiskDecision decision = check.evaluate(intent(0.001, 100, A), portfolio(10_000));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("kelly-sizing: no edge: win rate 40.0%, payoff 1.00 over 30 trades, Kelly f* -0.2000 ≤ 0",
                decision.reason());
    }

    @Test
    void aNegativeEdgeSizesAtTheProbeFractionSoTradesKeepComing() {
        RiskCheck check = check();
        // W = 0.4, R = 1: f* = −0.2; the default probe is 1% of equity
        long id = close(check, 1, 12, 100, A);
        close(check, id, 18, -100, A);
        RiskDecision decision = check.evaluate(intent(1000, 100, A), portfolio(10_000));
        assertEquals(Verdict.RESIZE, decision.verdict());
        assertEquals(1.0, decision.quantity(), 1e-12); // 1% of 10,000 at 100
        assertEquals("kelly-sizing: no edge: win rate 40.0%, payoff 1.00 over 30 trades, Kelly f* -0.2000 ≤ 0: probe size 1.00%"
                + " of equity 10000.00 = 100.00 at 100.00 → 1.000000", decision.reason());
    }

    @Test
    void aZeroEdgeRejects() {
        RiskCheck check = check("noEdgeFraction", 0.0);
        // W = 0.5, R = 1: f* = 0
        long id = close(check, 1, 15, 100, A);
        close(check, id, 15, -100, A);
        RiskDecision decision = check.evaluate(intent(1, 100, A), portfolio(10_000));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("kelly-sizing: no edge: win rate 50.0%, payoff 1.00 over 30 trades, Kelly f* 0.0000 ≤ 0",
                decision.reason());
    }

    @Test
    void onlyLossesReject() {
        RiskCheck check = check("noEdgeFraction", 0.0);
        close(check, 1, 30, -100, A);
        RiskDecision decision = check.evaluate(intent(1, 100, A), portfolio(10_000));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("kelly-sizing: no edge: win rate 0.0%, payoff 0.00 over 30 trades, Kelly f* −∞ ≤ 0",
                decision.reason());
    }

    @Test
    void rejectsWithoutPositiveEquity() {
        RiskDecision zero = check().evaluate(intent(1, 100, A), portfolio(0));
        assertEquals(Verdict.REJECT, zero.verdict());
        assertEquals("kelly-sizing: equity 0.00 is not positive", zero.reason());

        RiskDecision negative = check().evaluate(intent(1, 100, A), portfolio(-250.5));
        assertEquals(Verdict.REJECT, negative.verdict());
        assertEquals("kelly-sizing: equity -250.50 is not positive", negative.reason());

        RiskDecision nan = check().evaluate(intent(1, 100, A), portfolio(Double.NaN));
        assertEquals(Verdict.REJECT, nan.verdict());
        assertEquals("kelly-sizing: equity NaN is not positive", nan.reason());

        // also when the history has an edge
        RiskCheck check = check();
        sixtyPercentAtOnePointFive(check, 1, A);
        assertEquals(Verdict.REJECT, check.evaluate(intent(1, 100, A), portfolio(0)).verdict());
    }

    @Test
    void anIntentWithinTheTargetIsApproved() {
        RiskCheck check = check();
        // fallback: 10 units at 100 of 10,000; exactly at the target is within it
        assertEquals(RiskDecision.approve(), check.evaluate(intent(3, 100, A), portfolio(10_000)));
        assertEquals(RiskDecision.approve(), check.evaluate(intent(10, 100, A), portfolio(10_000)));

        sixtyPercentAtOnePointFive(check, 1, A);
        assertEquals(RiskDecision.approve(), check.evaluate(intent(16.6, 100, A), portfolio(10_000)));
        assertResize(10_000 * HALF_KELLY_60_15 / 100, check.evaluate(intent(16.7, 100, A), portfolio(10_000)));
    }

    @Test
    void usesCurrentEquityAndTheReferencePrice() {
        RiskCheck check = check();
        sixtyPercentAtOnePointFive(check, 1, A);
        assertResize(2_500 * HALF_KELLY_60_15 / 40, check.evaluate(intent(1000, 40, A), portfolio(2_500)));
    }

    @Test
    void lookbackDropsOldTradesInPortfolioScope() {
        RiskCheck check = check("scope", "portfolio", "lookback", 10, "minTrades", 10, "noEdgeFraction", 0.0);
        long id = close(check, 1, 10, -100, A);
        assertEquals(Verdict.REJECT, check.evaluate(intent(1000, 100, A), portfolio(10_000)).verdict());
        // 6 wins of 150 and 4 losses of 100 push the 10 losses out of the window
        id = close(check, id, 3, 150, A);
        id = close(check, id, 2, -100, A);
        id = close(check, id, 3, 150, A);
        close(check, id, 2, -100, A);
        RiskDecision decision = check.evaluate(intent(1000, 100, A), portfolio(10_000));
        assertResize(10_000 * HALF_KELLY_60_15 / 100, decision);
        assertEquals("kelly-sizing: win rate 60.0%, payoff 1.50 over 10 trades: Kelly f* 0.3333 × 0.50 = 16.67%"
                + " of equity 10000.00 = 1666.67 at 100.00 → 16.666667", decision.reason());
    }

    @Test
    void lookbackDropsOldTradesInVotersScope() {
        RiskCheck check = check("lookback", 10, "minTrades", 10, "noEdgeFraction", 0.0);
        long id = close(check, 1, 10, -100, A);
        id = close(check, id, 3, 150, A);
        id = close(check, id, 2, -100, A);
        id = close(check, id, 3, 150, A);
        close(check, id, 2, -100, A);
        assertResize(10_000 * HALF_KELLY_60_15 / 100, check.evaluate(intent(1000, 100, A), portfolio(10_000)));
    }

    @Test
    void votersScopeMergesTheMostRecentDistinctTradesOfAllVoters() {
        RiskCheck check = check("lookback", 10, "minTrades", 10, "noEdgeFraction", 0.0);
        // ten old losses voted by both bots, then five recent trades each voted by one of them
        long id = close(check, 1, 10, -100, A, B);
        id = close(check, id, 2, 150, A);
        id = close(check, id, 1, 150, B);
        id = close(check, id, 1, -100, A);
        id = close(check, id, 2, 150, B);
        id = close(check, id, 1, 150, A);
        id = close(check, id, 1, -100, B);
        id = close(check, id, 1, -100, A);
        close(check, id, 1, -100, B);
        // voters a and b: the ten recent trades, 6 wins of 150 and 4 losses of 100
        assertResize(10_000 * HALF_KELLY_60_15 / 100, check.evaluate(intent(1000, 100, A, B), portfolio(10_000)));
        assertResize(10_000 * HALF_KELLY_60_15 / 100, check.evaluate(intent(1000, 100, B, "bot-c", A), portfolio(10_000)));
        // a alone: its last ten are five old shared losses and its 3 wins, 2 losses: W = 0.3, R = 1.5
        RiskDecision alone = check.evaluate(intent(1000, 100, A), portfolio(10_000));
        assertEquals(Verdict.REJECT, alone.verdict());
        assertEquals("kelly-sizing: no edge: win rate 30.0%, payoff 1.50 over 10 trades, Kelly f* -0.1667 ≤ 0",
                alone.reason());
    }

    @Test
    void aTradeOfSeveralVotersCountsOnce() {
        RiskCheck check = check();
        close(check, 1, 5, 100, A, B);
        check.onTradeClosed(trade(6, 100, A, A)); // a bot named twice in one trade
        String reason = check.evaluate(intent(1000, 100, A, B), portfolio(10_000)).reason();
        assertEquals("kelly-sizing: fewer than minTrades (6 of 30) closed trades: fixed fraction 10.00%"
                + " of equity 10000.00 = 1000.00 at 100.00 → 10.000000", reason);
        assertEquals(reason, check.evaluate(intent(1000, 100, A, A), portfolio(10_000)).reason());
        assertEquals(reason.replace("(6 of 30)", "(5 of 30)"),
                check.evaluate(intent(1000, 100, "bot-c", B), portfolio(10_000)).reason());
    }

    @Test
    void votersScopeIgnoresTradesOfOtherBots() {
        RiskCheck voters = check("noEdgeFraction", 0.0);
        RiskCheck portfolio = check("scope", "portfolio", "noEdgeFraction", 0.0);
        for (RiskCheck check : List.of(voters, portfolio)) {
            long id = close(check, 1, 30, -100, "bot-x");
            sixtyPercentAtOnePointFive(check, id, A);
        }
        // the voters scope sees only bot-a's trades
        assertResize(10_000 * HALF_KELLY_60_15 / 100, voters.evaluate(intent(1000, 100, A), portfolio(10_000)));
        // the portfolio scope sees all 60: 18 wins of 150, 42 losses of 100 → W = 0.3, R = 1.5, f* < 0
        RiskDecision all = portfolio.evaluate(intent(1000, 100, A), portfolio(10_000));
        assertEquals(Verdict.REJECT, all.verdict());
        assertEquals("kelly-sizing: no edge: win rate 30.0%, payoff 1.50 over 60 trades, Kelly f* -0.1667 ≤ 0",
                all.reason());
        // a bot never seen has no history: the fallback
        assertResize(10.0, voters.evaluate(intent(1000, 100, "bot-y"), portfolio(10_000)));
        // bot-x alone has no edge
        assertEquals(Verdict.REJECT, voters.evaluate(intent(1000, 100, "bot-x"), portfolio(10_000)).verdict());
    }

    @Test
    void anIntentWithoutVotersHasNoHistoryInVotersScope() {
        RiskCheck check = check();
        sixtyPercentAtOnePointFive(check, 1, A);
        RiskDecision decision = check.evaluate(intent(1000, 100), portfolio(10_000));
        assertResize(10.0, decision);
        assertEquals(true, decision.reason().contains("(0 of 30)"), decision.reason());
    }

    @Test
    void portfolioScopeCountsTradesWithoutBots() {
        RiskCheck check = check("scope", "portfolio");
        sixtyPercentAtOnePointFive(check, 1);
        assertResize(10_000 * HALF_KELLY_60_15 / 100, check.evaluate(intent(1000, 100), portfolio(10_000)));
    }

    @Test
    void eachCreateStartsAFreshHistory() {
        RiskCheck first = check("noEdgeFraction", 0.0);
        RiskCheck second = check("noEdgeFraction", 0.0);
        assertNotSame(first, second);
        close(first, 1, 30, -100, A);
        assertEquals(Verdict.REJECT, first.evaluate(intent(1000, 100, A), portfolio(10_000)).verdict());
        assertResize(10.0, second.evaluate(intent(1000, 100, A), portfolio(10_000)));
    }

    @Test
    void refusesMinTradesAboveLookback() {
        ParameterException e = assertThrows(ParameterException.class, () -> check("minTrades", 300));
        assertEquals("minTrades", e.parameter());
        assertEquals(300, e.value());
        assertEquals("at most lookback (200), or Kelly could never be used", e.expected());
        // equal is fine
        check("minTrades", 50, "lookback", 50);
    }

    @Test
    void declaresItsParameters() {
        assertEquals("kelly-sizing", module.info().id());
        List<ParameterSpec> specs = module.info().parameters();
        assertEquals(List.of("kellyFraction", "cap", "fallbackFraction", "minTrades", "noEdgeFraction", "lookback", "scope"),
                specs.stream().map(ParameterSpec::name).toList());
        assertSpec(specs.get(0), ParameterType.DECIMAL, 0.5, 0.01, 1);
        assertSpec(specs.get(1), ParameterType.DECIMAL, 0.25, 0.001, 1);
        assertSpec(specs.get(2), ParameterType.DECIMAL, 0.1, 0.001, 1);
        assertSpec(specs.get(3), ParameterType.INTEGER, 30, 1, 100_000);
        assertSpec(specs.get(4), ParameterType.DECIMAL, 0.01, 0, 1);
        assertSpec(specs.get(5), ParameterType.INTEGER, 200, 10, 1_000_000);
        assertEquals(ParameterType.CHOICE, specs.get(6).type());
        assertEquals("voters", specs.get(6).defaultValue());
        assertEquals(List.of("voters", "portfolio"), specs.get(6).choices());
    }

    private static void assertSpec(ParameterSpec spec, ParameterType type, Object defaultValue, double min, double max) {
        assertEquals(type, spec.type(), spec.name());
        assertEquals(defaultValue, spec.defaultValue(), spec.name());
        assertEquals(min, spec.min(), spec.name());
        assertEquals(max, spec.max(), spec.name());
    }
}
