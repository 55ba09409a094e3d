package dev.quorum.plugins.riskguards;

import static dev.quorum.plugins.riskguards.Fixtures.BTC;
import static dev.quorum.plugins.riskguards.Fixtures.ETH;
import static dev.quorum.plugins.riskguards.Fixtures.context;
import static dev.quorum.plugins.riskguards.Fixtures.intent;
import static dev.quorum.plugins.riskguards.Fixtures.portfolio;
import static dev.quorum.plugins.riskguards.Fixtures.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import dev.quorum.api.Trade;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CooldownRiskModuleTest {

    private final CooldownRiskModule module = new CooldownRiskModule();
    private Instant clock = Instant.parse("2018-04-05T00:00:00Z");

    private RiskCheck check(Object... parameters) {
        return module.create(context(module, parameters));
    }

    /**
     * One bar of a symbol as the host processes it: the trades whose exits filled on it are reported,
     * then the bar itself, then an entry decided on it is judged.
     */
    private RiskDecision bar(RiskCheck check, String symbol, Trade... closedOnThisBar) {
        for (Trade trade : closedOnThisBar) {
            check.onTradeClosed(trade);
        }
        clock = clock.plusSeconds(60);
        check.onBar(Fixtures.bar(symbol, clock.minusSeconds(60), 100), portfolio(10_000).at(clock));
        return check.evaluate(intent(symbol, Direction.LONG, 1, 100), portfolio(10_000).at(clock));
    }

    private static Trade stopLoss(long id, String symbol) {
        return trade(id, symbol, -12, ExitReason.STOP_LOSS);
    }

    @Test
    void blocksTheExitBarAndTheNextNBarsExactly() {
        RiskCheck check = check("bars", 3);
        for (int i = 1; i <= 4; i++) {
            assertEquals(RiskDecision.approve(), bar(check, BTC), "bar " + i);
        }
        // bar k = 5: the stop-loss filled on it
        RiskDecision onExitBar = bar(check, BTC, stopLoss(7, BTC));
        assertEquals(Verdict.REJECT, onExitBar.verdict());
        assertEquals("cooldown: BTC-USD blocked for 4 more bars, this one included: trade #7 (LONG, STOP_LOSS at"
                + " 2018-04-05T10:00:00Z, pnl -12.00) started a cooldown of 3 bars after its exit bar", onExitBar.reason());
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());                // k + 1
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());                // k + 2
        RiskDecision last = bar(check, BTC);                                    // k + 3 = k + N
        assertEquals(Verdict.REJECT, last.verdict());
        assertEquals("cooldown: BTC-USD blocked for 1 more bar, this one included: trade #7 (LONG, STOP_LOSS at"
                + " 2018-04-05T10:00:00Z, pnl -12.00) started a cooldown of 3 bars after its exit bar", last.reason());
        assertEquals(RiskDecision.approve(), bar(check, BTC));                  // k + N + 1
        assertEquals(RiskDecision.approve(), bar(check, BTC));
    }

    @Test
    void theDefaultIsThirtyBarsAfterAStopLoss() {
        RiskCheck check = check();
        bar(check, BTC);
        assertEquals(Verdict.REJECT, bar(check, BTC, stopLoss(1, BTC)).verdict());   // k
        for (int i = 1; i <= 30; i++) {
            assertEquals(Verdict.REJECT, bar(check, BTC).verdict(), "k + " + i);
        }
        assertEquals(RiskDecision.approve(), bar(check, BTC));                      // k + 31
    }

    @Test
    void aOneBarCooldownBlocksTwoDecisions() {
        RiskCheck check = check("bars", 1);
        assertEquals(Verdict.REJECT, bar(check, BTC, stopLoss(1, BTC)).verdict());
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());
        assertEquals(RiskDecision.approve(), bar(check, BTC));
    }

    @Test
    void anExitBeforeTheSymbolsFirstBarCountsFromThatBar() {
        RiskCheck check = check("bars", 2);
        assertEquals(Verdict.REJECT, bar(check, BTC, stopLoss(1, BTC)).verdict());
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());
        assertEquals(RiskDecision.approve(), bar(check, BTC));
    }

    @Test
    void otherSymbolsAreUnaffectedAndTheirBarsDoNotCount() {
        RiskCheck check = check("bars", 2);
        assertEquals(Verdict.REJECT, bar(check, BTC, stopLoss(3, BTC)).verdict());
        for (int i = 0; i < 5; i++) {
            assertEquals(RiskDecision.approve(), bar(check, ETH), "ETH is free");
        }
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());
        assertEquals(RiskDecision.approve(), bar(check, BTC));
    }

    @Test
    void byDefaultOnlyStopLossesStartACooldown() {
        RiskCheck check = check("bars", 5);
        assertEquals(RiskDecision.approve(), bar(check, BTC, trade(1, BTC, -40, ExitReason.SIGNAL)));
        assertEquals(RiskDecision.approve(), bar(check, BTC, trade(2, BTC, 80, ExitReason.TAKE_PROFIT)));
        assertEquals(RiskDecision.approve(), bar(check, BTC, trade(3, BTC, -5, ExitReason.END_OF_DATA)));
        // a stop-loss that made money after a gap still counts
        assertEquals(Verdict.REJECT, bar(check, BTC, trade(4, BTC, 3, ExitReason.STOP_LOSS)).verdict());
    }

    @Test
    void aStopThePositionManagerHadMovedCountsAsAStopLoss() {
        assertEquals(Verdict.REJECT, bar(check(), BTC, trade(1, BTC, -2, ExitReason.TRAILING_STOP)).verdict());
        assertEquals(RiskDecision.approve(), bar(check(), BTC, trade(2, BTC, -2, ExitReason.TIME_EXIT)));
    }

    @Test
    void afterLossCountsEveryTradeThatDidNotMakeMoney() {
        assertEquals(Verdict.REJECT, bar(check("after", "loss"), BTC, trade(1, BTC, -40, ExitReason.SIGNAL)).verdict());
        assertEquals(Verdict.REJECT, bar(check("after", "loss"), BTC, trade(2, BTC, 0, ExitReason.SIGNAL)).verdict());
        assertEquals(Verdict.REJECT, bar(check("after", "loss"), BTC, stopLoss(3, BTC)).verdict());
        assertEquals(RiskDecision.approve(), bar(check("after", "loss"), BTC, trade(4, BTC, 0.01, ExitReason.SIGNAL)));
        assertEquals(RiskDecision.approve(), bar(check("after", "loss"), BTC, trade(5, BTC, 3, ExitReason.STOP_LOSS)));
    }

    @Test
    void afterAnyCountsEveryExit() {
        RiskDecision decision = bar(check("after", "any"), BTC, trade(9, BTC, 80, ExitReason.TAKE_PROFIT));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("cooldown: BTC-USD blocked for 31 more bars, this one included: trade #9 (LONG, TAKE_PROFIT at"
                + " 2018-04-05T10:00:00Z, pnl 80.00) started a cooldown of 30 bars after its exit bar", decision.reason());
    }

    @Test
    void aLaterStopLossExtendsTheCooldownButAnEarlierEndNeverShortensIt() {
        RiskCheck check = check("bars", 3);
        bar(check, BTC, stopLoss(1, BTC));                       // k = 1: blocked through bar 4
        bar(check, BTC);                                         // bar 2
        RiskDecision extended = bar(check, BTC, stopLoss(2, BTC));   // bar 3: blocked through bar 6
        assertEquals(Verdict.REJECT, extended.verdict());
        assertTrue(extended.reason().contains("4 more bars") && extended.reason().contains("trade #2"), extended.reason());
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());   // 4
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());   // 5
        assertEquals(Verdict.REJECT, bar(check, BTC).verdict());   // 6
        assertEquals(RiskDecision.approve(), bar(check, BTC));     // 7

        RiskCheck sameBar = check("bars", 3);
        sameBar.onTradeClosed(stopLoss(1, BTC));
        sameBar.onTradeClosed(trade(2, BTC, -1, ExitReason.STOP_LOSS));   // same bar, same end: the first trade stays named
        assertTrue(bar(sameBar, BTC).reason().contains("trade #1"));
    }

    @Test
    void rejectsWithoutPositiveEquity() {
        RiskDecision decision = check().evaluate(intent(1, 100), portfolio(0));
        assertEquals("cooldown: equity 0.00 is not positive", decision.reason());
        assertEquals(Verdict.REJECT, check().evaluate(intent(1, 100), portfolio(Double.NaN)).verdict());
    }

    @Test
    void eachCreateHasItsOwnCounts() {
        RiskCheck first = check("bars", 3);
        bar(first, BTC, stopLoss(1, BTC));
        assertEquals(RiskDecision.approve(), bar(check("bars", 3), BTC));
    }

    @Test
    void declaresItsParameters() {
        assertEquals("cooldown", module.info().id());
        List<ParameterSpec> specs = module.info().parameters();
        assertEquals(List.of("bars", "after"), specs.stream().map(ParameterSpec::name).toList());
        assertEquals(30, specs.get(0).defaultValue());
        assertEquals(100_000.0, specs.get(0).max());
        assertEquals("stop-loss", specs.get(1).defaultValue());
        assertEquals(List.of("stop-loss", "loss", "any"), specs.get(1).choices());
    }
}
