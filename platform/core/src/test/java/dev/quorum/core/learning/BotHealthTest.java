package dev.quorum.core.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quorum.core.learning.BotHealth.State;
import dev.quorum.core.learning.BotHealth.Transition;

/** The health state machine driven through every transition by scripted outcomes in engine time. */
class BotHealthTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final HealthRules SEEDS = HealthRules.seeds(Duration.ofHours(1));

    private final List<Transition> transitions = new ArrayList<>();
    private Instant now = T0;

    /** {@code n} outcomes, one a minute, {@code hits} of them right (the first ones), of predictions made just before. */
    private void judge(BotHealth h, int n, int hits) {
        for (int i = 0; i < n; i++) {
            now = now.plusSeconds(60);
            h.judged(now.minusSeconds(30), i < hits, now).ifPresent(transitions::add);
        }
    }

    private void advance(BotHealth h, Duration d) {
        now = now.plus(d);
        h.tick(now).ifPresent(transitions::add);
    }

    private Transition last() {
        return transitions.get(transitions.size() - 1);
    }

    @Test
    void fiftyPredictionsAreNeededAndBelow35PercentSuspends() {
        BotHealth h = new BotHealth(SEEDS);
        judge(h, 49, 0);
        assertEquals(State.ACTIVE, h.state(), "49 wrong calls are not yet 50");
        judge(h, 1, 0);
        assertEquals(State.SUSPENDED, h.state());
        assertFalse(h.votes());
        assertEquals(1, h.strikes());
        assertEquals(now.plus(Duration.ofDays(7)), h.suspendedUntil().orElseThrow());
        assertEquals("0 of its last 50 predictions right (0.0%) < 35%; strike 1 of 3: disabled until " + now.plus(Duration.ofDays(7)),
                last().reason());
    }

    @Test
    void exactly35PercentIsDegradedNotSuspendedAndBelow45AnActiveBotIsDegraded() {
        BotHealth degraded = new BotHealth(SEEDS);
        judge(degraded, 50, 18); // 36%
        assertEquals(State.DEGRADED, degraded.state());
        assertTrue(degraded.votes(), "a degraded bot still votes");
        // 35% exactly needs a window of 100 (35 of 100)
        BotHealth wide = new BotHealth(new HealthRules(Duration.ofHours(1), 100, 0.35, 0.45, Duration.ofDays(7), Duration.ofDays(14), 20,
                0.5, 3, 0.7));
        judge(wide, 100, 35);
        assertEquals(State.DEGRADED, wide.state(), "35% is not below 35%");
        BotHealth active = new BotHealth(SEEDS);
        judge(active, 50, 23); // 46%
        assertEquals(State.ACTIVE, active.state());
        judge(active, 50, 22); // the window is now these 50: 44%
        assertEquals(State.DEGRADED, active.state());
        assertEquals("22 of its last 50 predictions right (44.0%) < 45%", last().reason());
        judge(active, 50, 24); // 48%: above 45% but not yet back at 50%
        assertEquals(State.DEGRADED, active.state());
        judge(active, 50, 25);
        assertEquals(State.ACTIVE, active.state());
        assertEquals("25 of its last 50 predictions right (50.0%) ≥ 50%", last().reason());
        // the window rolls: 25 wrong calls after 25 right and 25 wrong leave 0 of the last 50 right
        BotHealth rolling = new BotHealth(SEEDS);
        judge(rolling, 50, 25);
        assertEquals(State.ACTIVE, rolling.state());
        judge(rolling, 25, 0);
        assertEquals(State.SUSPENDED, rolling.state());
    }

    @Test
    void afterSevenDaysOnProbationAndAPassAfterTwoWeeksAndTwentyPredictions() {
        BotHealth h = new BotHealth(SEEDS);
        judge(h, 50, 0);
        Instant suspended = now;
        advance(h, Duration.ofDays(7).minusSeconds(1));
        assertEquals(State.SUSPENDED, h.state());
        advance(h, Duration.ofSeconds(1));
        assertEquals(State.PROBATION, h.state());
        assertEquals(suspended.plus(Duration.ofDays(7)), last().time());
        assertTrue(h.votes());
        judge(h, 30, 15); // 50% but the two weeks are not over
        assertEquals(State.PROBATION, h.state());
        advance(h, Duration.ofDays(14));
        assertEquals(State.ACTIVE, h.state());
        assertTrue(last().reason().contains("15 of 30 predictions right (50.0%) ≥ 50%: passed, guardrails lifted"), last().reason());
        // a fresh record: 49 wrong calls after the return are not yet a verdict
        judge(h, 49, 0);
        assertEquals(State.ACTIVE, h.state());
    }

    @Test
    void twoWeeksAreNotEnoughWithoutTwentyPredictions() {
        BotHealth h = new BotHealth(SEEDS);
        judge(h, 50, 0);
        advance(h, Duration.ofDays(7));
        advance(h, Duration.ofDays(15));
        judge(h, 19, 19);
        assertEquals(State.PROBATION, h.state());
        judge(h, 1, 1);
        assertEquals(State.ACTIVE, h.state(), "decided on the 20th judged prediction");
    }

    @Test
    void outcomesOfCallsMadeBeforeProbationDoNotCount() {
        BotHealth h = new BotHealth(SEEDS);
        judge(h, 50, 0);
        advance(h, Duration.ofDays(7));
        Instant probationStart = now;
        for (int i = 0; i < 30; i++) {
            h.judged(probationStart.minusSeconds(1), true, now.plusSeconds(i)); // made while suspended: ignored
        }
        advance(h, Duration.ofDays(14));
        assertEquals(State.PROBATION, h.state(), "no prediction of the probation judged yet");
    }

    @Test
    void threeStrikesRetireTheBotForGood() {
        BotHealth h = new BotHealth(SEEDS);
        judge(h, 50, 10); // 20%: strike 1
        assertEquals(1, h.strikes());
        advance(h, Duration.ofDays(7));
        judge(h, 20, 9); // 45% on probation
        advance(h, Duration.ofDays(14));
        assertEquals(State.SUSPENDED, h.state(), "failed probation: suspended again");
        assertEquals(2, h.strikes());
        assertTrue(last().reason().contains("9 of 20 predictions right (45.0%) < 50%: failed; strike 2 of 3"), last().reason());
        advance(h, Duration.ofDays(7));
        assertEquals(State.PROBATION, h.state());
        judge(h, 20, 0);
        advance(h, Duration.ofDays(14));
        assertEquals(State.RETIRED, h.state());
        assertEquals(3, h.strikes());
        assertTrue(last().reason().endsWith("strike 3 of 3: disabled for good"), last().reason());
        advance(h, Duration.ofDays(365));
        assertEquals(State.RETIRED, h.state());
        assertEquals(Optional.empty(), h.judged(now, true, now));
        assertEquals(List.of(State.SUSPENDED, State.PROBATION, State.SUSPENDED, State.PROBATION, State.RETIRED),
                transitions.stream().map(Transition::to).toList());
    }
}
