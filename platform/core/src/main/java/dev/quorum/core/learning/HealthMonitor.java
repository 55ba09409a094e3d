package dev.quorum.core.learning;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every bot's {@link BotHealth} in a run: it hears the judged predictions (as the {@link OutcomeTracker}'s listener,
 * passing everything on), lets engine time pass on each bar, tells the engine which bots vote and with what
 * guardrail, and reports every transition.
 */
public final class HealthMonitor implements OutcomeTracker.Listener {

    /** Where transitions go: the store. */
    public interface Transitions {

        /**
         * @param bot        the bot
         * @param transition what changed and why
         */
        void onHealthTransition(String bot, BotHealth.Transition transition);
    }

    private final HealthRules rules;
    private final String[] bots;
    private final BotHealth[] health;
    private final Map<String, Integer> index = new HashMap<>();
    private final OutcomeTracker.Listener next;
    private final Transitions transitions;
    private final boolean[] disabled;
    private final double[] minConfidence;
    private int waiting; // bots suspended or on probation: only they change with time alone
    private int disabledCount;

    /**
     * @param rules       the thresholds
     * @param bots        the bots, in vote order
     * @param next        told of every prediction and outcome first (the store)
     * @param transitions told of every transition
     */
    public HealthMonitor(HealthRules rules, List<String> bots, OutcomeTracker.Listener next, Transitions transitions) {
        this.rules = rules;
        this.bots = bots.toArray(new String[0]);
        this.health = new BotHealth[this.bots.length];
        for (int i = 0; i < this.bots.length; i++) {
            health[i] = new BotHealth(rules);
            index.put(this.bots[i], i);
        }
        this.next = next;
        this.transitions = transitions;
        this.disabled = new boolean[this.bots.length];
        this.minConfidence = new double[this.bots.length];
    }

    @Override
    public void onPrediction(Prediction prediction) {
        next.onPrediction(prediction);
    }

    @Override
    public void onOutcome(PredictionOutcome outcome) {
        next.onOutcome(outcome);
        if (!outcome.horizon().equals(rules.horizon())) {
            return;
        }
        Integer i = index.get(outcome.prediction().bot());
        if (i != null) {
            apply(i, health[i].judged(outcome.prediction().time(), outcome.hit(), outcome.time()));
        }
    }

    /**
     * Engine time passes (called on every bar before the vote): suspensions end, probations are decided.
     *
     * @param now the engine clock
     */
    public void tick(Instant now) {
        if (waiting == 0) {
            return;
        }
        for (int i = 0; i < health.length; i++) {
            BotHealth.State s = health[i].state();
            if (s == BotHealth.State.SUSPENDED || s == BotHealth.State.PROBATION) {
                apply(i, health[i].tick(now));
            }
        }
    }

    /**
     * @param bot the bot's place in the vote
     * @return whether its health keeps it from voting (suspended or retired)
     */
    public boolean disabled(int bot) {
        return disabled[bot];
    }

    /** @return whether any bot's health keeps it from voting now */
    public boolean anyDisabled() {
        return disabledCount > 0;
    }

    /**
     * @return whether the disabled bots leave the vote now: at least {@link HealthRules#minVoters()} bots remain in it
     *         (otherwise they count as FLAT, so that no bot decides alone)
     */
    public boolean disabledLeaveTheVote() {
        return disabledCount > 0 && bots.length - disabledCount >= rules.minVoters();
    }

    /**
     * @param bot a bot's name
     * @return whether it is on probation now
     */
    public boolean onProbation(String bot) {
        Integer i = index.get(bot);
        return i != null && health[i].state() == BotHealth.State.PROBATION;
    }

    /** @return the thresholds */
    public HealthRules rules() {
        return rules;
    }

    /** @return how many bots are in the vote now */
    public int voters() {
        return disabledLeaveTheVote() ? bots.length - disabledCount : bots.length;
    }

    /**
     * @param bot the bot's place in the vote
     * @return the lowest confidence a LONG or SHORT call of it may have to count (above 0 only on probation)
     */
    public double minConfidence(int bot) {
        return minConfidence[bot];
    }

    /**
     * @param bot the bot's place in the vote
     * @return its state now
     */
    public BotHealth.State state(int bot) {
        return health[bot].state();
    }

    private void apply(int i, Optional<BotHealth.Transition> transition) {
        if (transition.isEmpty()) {
            return;
        }
        BotHealth.Transition t = transition.get();
        boolean wasDisabled = disabled[i];
        disabled[i] = !health[i].votes();
        disabledCount += (disabled[i] ? 1 : 0) - (wasDisabled ? 1 : 0);
        minConfidence[i] = t.to() == BotHealth.State.PROBATION ? rules.probationMinConfidence() : 0;
        waiting += (waits(t.to()) ? 1 : 0) - (waits(t.from()) ? 1 : 0);
        transitions.onHealthTransition(bots[i], t);
    }

    private static boolean waits(BotHealth.State s) {
        return s == BotHealth.State.SUSPENDED || s == BotHealth.State.PROBATION;
    }
}
