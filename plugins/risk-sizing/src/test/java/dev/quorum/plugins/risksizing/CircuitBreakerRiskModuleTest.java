package dev.quorum.plugins.risksizing;

import static dev.quorum.plugins.risksizing.Fixtures.close;
import static dev.quorum.plugins.risksizing.Fixtures.context;
import static dev.quorum.plugins.risksizing.Fixtures.intent;
import static dev.quorum.plugins.risksizing.Fixtures.portfolio;
import static dev.quorum.plugins.risksizing.Fixtures.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.ParameterSpec;
import dev.quorum.api.ParameterType;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerRiskModuleTest {

    private static final String A = "bot-a";
    private static final String B = "bot-b";
    private static final String C = "bot-c";

    private final CircuitBreakerRiskModule module = new CircuitBreakerRiskModule();

    private RiskCheck check(Object... overrides) {
        return module.create(context(module, overrides));
    }

    /** The quantity the check allows with 10,000 of equity at 100 (10 units per unit of multiplier at the defaults). */
    private static double sized(RiskCheck check, String... voters) {
        RiskDecision decision = check.evaluate(intent(1_000_000, 100, voters), portfolio(10_000));
        assertEquals(Verdict.RESIZE, decision.verdict(), decision::toString);
        return decision.quantity();
    }

    /** The quantity for multiplier {@code m}, computed as the module does: equity · (baseFraction · m) / price. */
    private static double at(double m) {
        return at(0.1, m);
    }

    private static double at(double baseFraction, double m) {
        return 10_000 * (baseFraction * m) / 100;
    }

    private static String reason(RiskCheck check, String... voters) {
        return check.evaluate(intent(1_000_000, 100, voters), portfolio(10_000)).reason();
    }

    @Test
    void startsAtTheBaseFraction() {
        RiskCheck check = check();
        assertEquals(10.0, sized(check, A));
        assertEquals("circuit-breaker: portfolio multiplier 1.0000 (loss streak 0/3, win streak 0/3) × base fraction 10.00%"
                + " = 10.00% of equity 10000.00 = 1000.00 at 100.00 → 10.000000", reason(check, A));
    }

    @Test
    void twoLossesChangeNothing() {
        RiskCheck check = check();
        close(check, 1, 2, -50, A);
        assertEquals(10.0, sized(check, A));
        assertEquals("circuit-breaker: portfolio multiplier 1.0000 (loss streak 2/3, win streak 0/3) × base fraction 10.00%"
                + " = 10.00% of equity 10000.00 = 1000.00 at 100.00 → 10.000000", reason(check, A));
    }

    @Test
    void everyThirdLossInARowHalvesTheMultiplier() {
        RiskCheck check = check();
        long id = close(check, 1, 3, -50, A);
        assertEquals(5.0, sized(check, A));
        assertEquals("circuit-breaker: portfolio multiplier 0.5000 (loss streak 0/3, win streak 0/3) × base fraction 10.00%"
                + " = 5.00% of equity 10000.00 = 500.00 at 100.00 → 5.000000", reason(check, A));
        id = close(check, id, 2, -50, A); // 5 in a row
        assertEquals(5.0, sized(check, A));
        close(check, id, 1, -50, A); // 6 in a row
        assertEquals(2.5, sized(check, A));
    }

    @Test
    void aBreakEvenTradeIsALoss() {
        RiskCheck check = check();
        close(check, 1, 3, 0, A);
        assertEquals(5.0, sized(check, A));
    }

    @Test
    void aWinInBetweenResetsTheLossStreak() {
        RiskCheck check = check();
        long id = close(check, 1, 2, -50, A);
        id = close(check, id, 1, 80, A);
        id = close(check, id, 2, -50, A);
        assertEquals(10.0, sized(check, A));
        assertTrue(reason(check, A).contains("(loss streak 2/3, win streak 0/3)"), reason(check, A));
        close(check, id, 1, -50, A); // the third loss since the win
        assertEquals(5.0, sized(check, A));
    }

    @Test
    void aLossInBetweenResetsTheWinStreak() {
        RiskCheck check = check();
        long id = close(check, 1, 2, 80, A);
        id = close(check, id, 1, -50, A);
        id = close(check, id, 2, 80, A);
        assertEquals(10.0, sized(check, A));
        close(check, id, 1, 80, A);
        assertEquals(12.0, sized(check, A), 1e-12);
    }

    @Test
    void threeWinsGrowTheMultiplier() {
        RiskCheck check = check();
        close(check, 1, 3, 80, A);
        assertEquals(at(1.2), sized(check, A));
        assertEquals(12.0, sized(check, A), 1e-12);
        assertEquals("circuit-breaker: portfolio multiplier 1.2000 (loss streak 0/3, win streak 0/3) × base fraction 10.00%"
                + " = 12.00% of equity 10000.00 = 1200.00 at 100.00 → 12.000000", reason(check, A));
    }

    @Test
    void growthStopsExactlyAtTheCap() {
        RiskCheck check = check();
        long id = close(check, 1, 9, 80, A); // 1.2, 1.44, 1.728
        assertEquals(17.28, sized(check, A), 1e-12);
        id = close(check, id, 3, 80, A); // 1.728 × 1.2 = 2.0736, capped at exactly 2
        assertEquals(at(2.0), sized(check, A));
        assertEquals(20.0, sized(check, A));
        close(check, id, 30, 80, A);
        assertEquals(at(2.0), sized(check, A));
        assertTrue(reason(check, A).contains("portfolio multiplier 2.0000 "), reason(check, A));
    }

    @Test
    void shrinkingStopsExactlyAtTheFloor() {
        RiskCheck check = check();
        long id = close(check, 1, 9, -50, A); // 0.5, 0.25, 0.125
        assertEquals(1.25, sized(check, A));
        id = close(check, id, 3, -50, A); // 0.0625, floored at exactly 0.1
        assertEquals(at(0.1), sized(check, A));
        assertEquals(1.0, sized(check, A), 1e-12);
        id = close(check, id, 30, -50, A);
        assertEquals(at(0.1), sized(check, A));
        assertTrue(reason(check, A).contains("portfolio multiplier 0.1000 "), reason(check, A));
        close(check, id, 3, 80, A); // and grows back from the floor: 0.1 × 1.2
        assertEquals(at(0.1 * 1.2), sized(check, A));
    }

    @Test
    void parametersChangeTheSteps() {
        RiskCheck check = check("baseFraction", 0.2, "lossStreak", 1, "shrinkFactor", 0.8, "winStreak", 2,
                "growFactor", 1.5, "maxMultiplier", 3.0, "minMultiplier", 0.5);
        long id = close(check, 1, 1, -50, A); // every loss: × 0.8
        assertEquals(at(0.2, 0.8), sized(check, A));
        id = close(check, id, 4, -50, A); // 0.8^5 = 0.32768, floored at 0.5
        assertEquals(at(0.2, 0.5), sized(check, A));
        assertEquals(10.0, sized(check, A), 1e-12);
        id = close(check, id, 2, 80, A); // 0.75
        assertEquals(at(0.2, 0.75), sized(check, A));
        assertEquals(15.0, sized(check, A), 1e-12);
        close(check, id, 8, 80, A); // 1.125, 1.6875, 2.53125, 3.796875 → 3
        assertEquals(at(0.2, 3.0), sized(check, A));
        assertEquals(60.0, sized(check, A), 1e-12);
    }

    @Test
    void botScopeShrinksOnlyTheIntentsALosingBotVotesFor() {
        RiskCheck check = check("scope", "bot");
        long id = close(check, 1, 3, -50, A);
        id = close(check, id, 3, 80, B);
        assertEquals(5.0, sized(check, A));
        assertEquals(12.0, sized(check, B), 1e-12);
        assertEquals(10.0, sized(check, C));
        // the most cautious voter decides
        assertEquals(5.0, sized(check, B, A, C));
        assertEquals(10.0, sized(check, B, C));
        assertEquals("circuit-breaker: multiplier of bot-a, the most cautious of 3 voters, 0.5000 (loss streak 0/3,"
                + " win streak 0/3) × base fraction 10.00% = 5.00% of equity 10000.00 = 500.00 at 100.00 → 5.000000",
                reason(check, B, A, C));
        assertEquals("circuit-breaker: multiplier of bot-b 1.2000 (loss streak 0/3, win streak 0/3) × base fraction 10.00%"
                + " = 12.00% of equity 10000.00 = 1200.00 at 100.00 → 12.000000", reason(check, B));
        // a trade of two bots counts for both
        close(check, id, 3, -50, B, C);
        assertEquals(6.0, sized(check, B), 1e-12);
        assertEquals(5.0, sized(check, C));
        assertEquals(5.0, sized(check, B, C));
    }

    @Test
    void botScopeKeepsEachBotsStreakApart() {
        RiskCheck check = check("scope", "bot");
        // losses alternate between the bots: two each, no streak of three for either
        check.onTradeClosed(trade(1, -50, A));
        check.onTradeClosed(trade(2, -50, B));
        check.onTradeClosed(trade(3, -50, A));
        check.onTradeClosed(trade(4, -50, B));
        assertEquals(10.0, sized(check, A, B));
        // the portfolio scope sees four losses in a row
        RiskCheck all = check();
        close(all, 1, 4, -50, A);
        assertEquals(5.0, sized(all, B));
    }

    @Test
    void botScopeWithoutVotersUsesOne() {
        RiskCheck check = check("scope", "bot");
        close(check, 1, 3, -50, A);
        close(check, 4, 3, -50); // a trade without bots changes nothing
        assertEquals(10.0, sized(check));
        assertTrue(reason(check).startsWith("circuit-breaker: no voters: multiplier 1.0000 "), reason(check));
    }

    @Test
    void portfolioScopeCountsEveryTrade() {
        RiskCheck check = check();
        close(check, 1, 1, -50, A);
        close(check, 2, 1, -50, B);
        close(check, 3, 1, -50);
        assertEquals(5.0, sized(check, C));
    }

    @Test
    void anIntentWithinTheTargetIsApproved() {
        RiskCheck check = check();
        close(check, 1, 3, -50, A); // m = 0.5: 5 units
        assertEquals(RiskDecision.approve(), check.evaluate(intent(4.9, 100, A), portfolio(10_000)));
        assertEquals(RiskDecision.approve(), check.evaluate(intent(5, 100, A), portfolio(10_000)));
        assertEquals(5.0, check.evaluate(intent(5.1, 100, A), portfolio(10_000)).quantity());
    }

    @Test
    void neverResizesAboveTheGivenQuantity() {
        // base 100% at multiplier 2: the target is twice the equity, more than any intent the host starts with
        RiskCheck check = check("baseFraction", 1.0);
        close(check, 1, 12, 80, A);
        assertEquals(RiskDecision.approve(), check.evaluate(intent(100, 100, A), portfolio(10_000)));
        assertEquals(RiskDecision.approve(), check.evaluate(intent(200, 100, A), portfolio(10_000)));
        for (double quantity = 0.5; quantity < 1_000; quantity *= 1.37) {
            RiskDecision decision = check.evaluate(intent(quantity, 100, A), portfolio(10_000));
            if (decision.verdict() == Verdict.RESIZE) {
                assertTrue(decision.quantity() < quantity, decision::toString);
                assertEquals(200.0, decision.quantity());
            } else {
                assertEquals(Verdict.APPROVE, decision.verdict());
                assertTrue(quantity <= 200, decision::toString);
            }
        }
    }

    @Test
    void rejectsWithoutPositiveEquity() {
        RiskDecision zero = check().evaluate(intent(1, 100, A), portfolio(0));
        assertEquals(Verdict.REJECT, zero.verdict());
        assertEquals("circuit-breaker: equity 0.00 is not positive", zero.reason());
        RiskDecision negative = check().evaluate(intent(1, 100, A), portfolio(-1));
        assertEquals("circuit-breaker: equity -1.00 is not positive", negative.reason());
        assertEquals(Verdict.REJECT, check().evaluate(intent(1, 100, A), portfolio(Double.NaN)).verdict());
    }

    @Test
    void usesCurrentEquityAndTheReferencePrice() {
        RiskCheck check = check("baseFraction", 0.25);
        close(check, 1, 3, -50, A);
        // 2,000 × 25% × 0.5 = 250 buys 6.25 at 40
        assertEquals(6.25, check.evaluate(intent(100, 40, A), portfolio(2_000)).quantity());
    }

    @Test
    void eachCreateStartsFreshStreaks() {
        RiskCheck first = check();
        RiskCheck second = check();
        assertNotSame(first, second);
        close(first, 1, 3, -50, A);
        assertEquals(5.0, sized(first, A));
        assertEquals(10.0, sized(second, A));
    }

    @Test
    void declaresItsParameters() {
        assertEquals("circuit-breaker", module.info().id());
        List<ParameterSpec> specs = module.info().parameters();
        assertEquals(List.of("baseFraction", "lossStreak", "shrinkFactor", "winStreak", "growFactor", "maxMultiplier",
                "minMultiplier", "scope"), specs.stream().map(ParameterSpec::name).toList());
        assertSpec(specs.get(0), ParameterType.DECIMAL, 0.1, 0.001, 1);
        assertSpec(specs.get(1), ParameterType.INTEGER, 3, 1, 100);
        assertSpec(specs.get(2), ParameterType.DECIMAL, 0.5, 0.01, 1);
        assertSpec(specs.get(3), ParameterType.INTEGER, 3, 1, 100);
        assertSpec(specs.get(4), ParameterType.DECIMAL, 1.2, 1, 10);
        assertSpec(specs.get(5), ParameterType.DECIMAL, 2.0, 1, 10);
        assertSpec(specs.get(6), ParameterType.DECIMAL, 0.1, 0.01, 1);
        assertEquals(ParameterType.CHOICE, specs.get(7).type());
        assertEquals("portfolio", specs.get(7).defaultValue());
        assertEquals(List.of("portfolio", "bot"), specs.get(7).choices());
    }

    private static void assertSpec(ParameterSpec spec, ParameterType type, Object defaultValue, double min, double max) {
        assertEquals(type, spec.type(), spec.name());
        assertEquals(defaultValue, spec.defaultValue(), spec.name());
        assertEquals(min, spec.min(), spec.name());
        assertEquals(max, spec.max(), spec.name());
    }
}
