package dev.quorum.core.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * One bot's health and rehabilitation (seeds 002, 003), driven by its judged predictions in engine time. Pure:
 * no clock, no store; {@link HealthMonitor} runs one per bot and records the transitions.
 *
 * <ul>
 *   <li><b>ACTIVE</b> / <b>DEGRADED</b>: over its last {@code window} judged predictions (once it has that many),
 *       a hit rate below {@code suspendBelow} suspends it; an ACTIVE bot below {@code degradedBelow} becomes DEGRADED
 *       (a warning: it still votes), a DEGRADED one at or above {@code passAt} ACTIVE again (the gap keeps a hit rate
 *       hovering at one threshold from flapping between the two).</li>
 *   <li><b>SUSPENDED</b>: it votes FLAT for {@code suspension} of engine time, then goes on PROBATION. Each
 *       suspension is a strike; the {@code maxStrikes}-th retires it instead.</li>
 *   <li><b>PROBATION</b>: it votes with guardrails (a minimum confidence, see {@link HealthRules}); once
 *       {@code probation} has passed and at least {@code probationMinJudged} of the predictions it made on
 *       probation are judged, a hit rate of at least {@code passAt} makes it ACTIVE again (with a fresh record),
 *       below it suspends it again (a strike).</li>
 *   <li><b>RETIRED</b>: disabled for good.</li>
 * </ul>
 * Outcomes of predictions made before a bot's current stretch (ACTIVE since its return, or PROBATION) do not
 * count toward it.
 */
public final class BotHealth {

    /** The states. */
    public enum State { ACTIVE, DEGRADED, SUSPENDED, PROBATION, RETIRED }

    /**
     * A change of state.
     *
     * @param time   when (engine clock)
     * @param from   the state before
     * @param to     the state after
     * @param strikes suspensions so far, this one included
     * @param reason why, with the figures
     */
    public record Transition(Instant time, State from, State to, int strikes, String reason) {
    }

    private final HealthRules rules;
    private final ArrayDeque<Boolean> recent = new ArrayDeque<>();
    private int recentHits;
    private State state = State.ACTIVE;
    private Instant since = Instant.MIN;
    private Instant suspendedUntil;
    private int strikes;
    private long probationJudged;
    private long probationHits;

    /** @param rules the thresholds */
    public BotHealth(HealthRules rules) {
        this.rules = rules;
    }

    /** @return the state now */
    public State state() {
        return state;
    }

    /** @return suspensions so far */
    public int strikes() {
        return strikes;
    }

    /** @return whether the bot votes at all */
    public boolean votes() {
        return state != State.SUSPENDED && state != State.RETIRED;
    }

    /** @return when a suspension ends, or empty when not suspended */
    public Optional<Instant> suspendedUntil() {
        return state == State.SUSPENDED ? Optional.of(suspendedUntil) : Optional.empty();
    }

    /**
     * A prediction of this bot was judged at the health horizon.
     *
     * @param madeAt when the prediction was made
     * @param hit    whether it was right
     * @param now    the engine clock
     * @return the transition it caused, if any
     */
    public Optional<Transition> judged(Instant madeAt, boolean hit, Instant now) {
        if (madeAt.isBefore(since)) {
            return Optional.empty(); // made before this stretch: it does not count toward it
        }
        switch (state) {
            case ACTIVE, DEGRADED -> {
                recent.addLast(hit);
                recentHits += hit ? 1 : 0;
                if (recent.size() > rules.window()) {
                    recentHits -= recent.pollFirst() ? 1 : 0;
                }
                if (recent.size() < rules.window()) {
                    return Optional.empty();
                }
                double rate = (double) recentHits / recent.size();
                if (rate < rules.suspendBelow()) {
                    return Optional.of(suspend(now, figures(rate) + " < " + pct(rules.suspendBelow())));
                }
                if (state == State.ACTIVE && rate < rules.degradedBelow()) {
                    return Optional.of(move(now, State.DEGRADED, figures(rate) + " < " + pct(rules.degradedBelow())));
                }
                if (state == State.DEGRADED && rate >= rules.passAt()) {
                    return Optional.of(move(now, State.ACTIVE, figures(rate) + " ≥ " + pct(rules.passAt())));
                }
                return Optional.empty();
            }
            case PROBATION -> {
                probationJudged++;
                probationHits += hit ? 1 : 0;
                return probationVerdict(now);
            }
            default -> {
                return Optional.empty(); // suspended or retired bots make no predictions; late outcomes are ignored
            }
        }
    }

    /**
     * Engine time passes: a suspension may end, a probation may be decided.
     *
     * @param now the engine clock
     * @return the transition, if any
     */
    public Optional<Transition> tick(Instant now) {
        if (state == State.SUSPENDED && !now.isBefore(suspendedUntil)) {
            probationJudged = 0;
            probationHits = 0;
            return Optional.of(move(now, State.PROBATION, "suspended for " + days(rules.suspension()) + ": back on probation (strike "
                    + strikes + " of " + rules.maxStrikes() + ")"));
        }
        if (state == State.PROBATION) {
            return probationVerdict(now);
        }
        return Optional.empty();
    }

    private Optional<Transition> probationVerdict(Instant now) {
        if (now.isBefore(since.plus(rules.probation())) || probationJudged < rules.probationMinJudged()) {
            return Optional.empty();
        }
        double rate = (double) probationHits / probationJudged;
        String figures = String.format(java.util.Locale.ROOT, "on probation since %s: %d of %d predictions right (%.1f%%)", since,
                probationHits, probationJudged, rate * 100);
        if (rate >= rules.passAt()) {
            recent.clear();
            recentHits = 0;
            return Optional.of(move(now, State.ACTIVE, figures + " ≥ " + pct(rules.passAt()) + ": passed, guardrails lifted"));
        }
        return Optional.of(suspend(now, figures + " < " + pct(rules.passAt()) + ": failed"));
    }

    private Transition suspend(Instant now, String why) {
        strikes++;
        if (strikes >= rules.maxStrikes()) {
            return move(now, State.RETIRED, why + "; strike " + strikes + " of " + rules.maxStrikes() + ": disabled for good");
        }
        suspendedUntil = now.plus(rules.suspension());
        return move(now, State.SUSPENDED, why + "; strike " + strikes + " of " + rules.maxStrikes() + ": disabled until " + suspendedUntil);
    }

    private Transition move(Instant now, State next, String reason) {
        Transition t = new Transition(now, state, next, strikes, reason);
        if (next == State.PROBATION || state == State.PROBATION) {
            since = now; // a new stretch: probation, or a fresh record after it
        }
        state = next;
        if (next != State.ACTIVE && next != State.DEGRADED) {
            recent.clear();
            recentHits = 0;
        }
        return t;
    }

    private String figures(double rate) {
        return String.format(java.util.Locale.ROOT, "%d of its last %d predictions right (%.1f%%)", recentHits, recent.size(), rate * 100);
    }

    private static String pct(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
