package dev.quorum.plugins.risk;

import static dev.quorum.plugins.risk.Fixtures.context;
import static dev.quorum.plugins.risk.Fixtures.intent;
import static dev.quorum.plugins.risk.Fixtures.portfolio;
import static dev.quorum.plugins.risk.Fixtures.position;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import org.junit.jupiter.api.Test;

class MaxOpenPositionsRiskModuleTest {

    private final MaxOpenPositionsRiskModule module = new MaxOpenPositionsRiskModule();

    private RiskCheck check(int max) {
        return module.create(context("max-open-positions", "max", max));
    }

    @Test
    void approvesBelowTheLimit() {
        assertEquals(RiskDecision.approve(), check(3).evaluate(intent(1, 100), portfolio(10_000)));
        assertEquals(RiskDecision.approve(),
                check(3).evaluate(intent(1, 100), portfolio(10_000, position("ETH-USD"), position("LTC-USD"))));
    }

    @Test
    void rejectsAtTheLimit() {
        RiskDecision decision = check(3).evaluate(intent(1, 100),
                portfolio(10_000, position("ETH-USD"), position("LTC-USD"), position("SOL-USD")));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("max-open-positions: 3 open and 0 pending, limit 3", decision.reason());
    }

    @Test
    void countsEntriesWaitingToFill() {
        RiskDecision decision = check(2).evaluate(intent(1, 100),
                portfolio(10_000, java.util.List.of(intent(2, 100)), position("ETH-USD")));
        assertEquals(Verdict.REJECT, decision.verdict());
        assertEquals("max-open-positions: 1 open and 1 pending, limit 2", decision.reason());
    }

    @Test
    void aPartlyFilledEntryCountsOnce() {
        // BTC-USD holds part of its position and the rest of its entry is still waiting: one symbol, not two
        RiskDecision decision = check(2).evaluate(intent(1, 100),
                portfolio(10_000, java.util.List.of(intent(2, 100)), position("BTC-USD")));
        assertEquals(Verdict.APPROVE, decision.verdict());
    }

    @Test
    void rejectsAboveTheLimit() {
        RiskDecision decision = check(1).evaluate(intent(1, 100),
                portfolio(10_000, position("ETH-USD"), position("LTC-USD")));
        assertEquals("max-open-positions: 2 open and 0 pending, limit 1", decision.reason());
    }

    @Test
    void declaresItsParameter() {
        assertEquals("max-open-positions", module.info().id());
        assertEquals(3, module.info().parameters().getFirst().defaultValue());
    }
}
