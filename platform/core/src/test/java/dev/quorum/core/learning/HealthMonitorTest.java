package dev.quorum.core.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.Situation;

/** What the monitor tells the engine and the store: who votes, with which guardrail, and every transition. */
class HealthMonitorTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final HealthRules RULES = new HealthRules(Duration.ofHours(1), 4, 0.35, 0.45, Duration.ofDays(7), Duration.ofDays(14),
            2, 0.5, 3, 0.7);

    @Test
    void aSuspensionDisablesTheBotThenProbationSetsTheGuardrailAndOnlyTheHealthHorizonCounts() {
        List<String> told = new ArrayList<>();
        List<PredictionOutcome> passedOn = new ArrayList<>();
        HealthMonitor m = new HealthMonitor(RULES, List.of("a", "b"), new OutcomeTracker.Listener() {
            @Override
            public void onPrediction(Prediction p) {
            }

            @Override
            public void onOutcome(PredictionOutcome o) {
                passedOn.add(o);
            }
        }, (bot, t) -> told.add(bot + " " + t.from() + "->" + t.to()));
        Instant now = T0;
        for (int i = 0; i < 4; i++) {
            now = now.plusSeconds(60);
            Prediction p = new Prediction(i + 1, "b", "X", now.minusSeconds(30), Direction.LONG, 1, 100, Situation.UNKNOWN);
            m.onOutcome(PredictionOutcome.judge(p, Duration.ofHours(4), now, 99)); // another horizon: passed on, not judged
            m.onOutcome(PredictionOutcome.judge(p, Duration.ofHours(1), now, 99));
        }
        assertEquals(8, passedOn.size(), "every outcome reaches the store");
        assertEquals(List.of("b ACTIVE->SUSPENDED"), told);
        assertFalse(m.disabled(0));
        assertTrue(m.disabled(1));
        assertEquals(BotHealth.State.SUSPENDED, m.state(1));
        m.tick(now.plus(Duration.ofDays(7)).minusSeconds(1));
        assertTrue(m.disabled(1));
        m.tick(now.plus(Duration.ofDays(7)));
        assertFalse(m.disabled(1));
        assertEquals(0.7, m.minConfidence(1));
        assertEquals(0.0, m.minConfidence(0));
        assertEquals(List.of("b ACTIVE->SUSPENDED", "b SUSPENDED->PROBATION"), told);
    }
}
