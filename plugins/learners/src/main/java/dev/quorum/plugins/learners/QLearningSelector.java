package dev.quorum.plugins.learners;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.pf4j.Extension;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Learner;
import dev.quorum.api.LearnerContext;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.Outcome;
import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.SignalOutcome;
import dev.quorum.api.Situation;
import dev.quorum.api.StateStore;
import dev.quorum.api.VoteSample;

/**
 * Q-learning strategy selector (seed 003). The <b>state</b> is the market's situation on the symbol, as its regime and
 * volatility bucket (4 × 4 states, UNKNOWN included); the <b>actions</b> are the bots' groups (a family's members, or
 * the bots of one strategy): the group to favour. Asked for weights, it picks an action ε-greedily (a random group
 * with probability ε, else the group of the highest Q-value in the state, the first in config order on a tie) and
 * multiplies the weights of that group's bots by {@code favour}.
 *
 * <p><b>Learning.</b> Every call of a bot judged at {@code horizon} is an experience of its group's action in the
 * situation the call was made in: reward {@code r = clamp(move / rewardScale, −1, 1)} (the call's move in the called
 * direction before fees, in units of {@code rewardScale}: 1% by default), next state the symbol's situation in the
 * latest sample of votes (or the call's own when none), and
 * <pre>
 *   Q(s, a) ← Q(s, a) + α × (r + γ × max_a' Q(s', a') − Q(s, a))
 * </pre>
 * with α = {@code alpha} (0.1) and γ = {@code gamma} (0.95). Q-learning is off-policy, so every group learns from its
 * own calls whichever group was favoured. ε starts at {@code epsilonStart} (0.3) and is multiplied by
 * {@code epsilonDecay} after every choice, down to {@code epsilonEnd} (0.05). The randomness comes from the run's
 * seed ({@link LearnerContext#seed()}): the same data and seed make the same choices. Frozen
 * ({@link LearnerContext#learning()} false), it chooses greedily and leaves ε as it is.
 *
 * <p>State (key {@code q}): the Q-table, ε and the number of choices made (choice {@code n} draws from a generator
 * seeded with the run's seed and {@code n}, so a restarted learner draws what the uninterrupted one would have).
 */
@Extension
public class QLearningSelector implements Learner {

    /** The id in config. */
    public static final String ID = "q-selector";

    private static final String HEADER = "q-selector 1";
    private static final int STATES = Situation.Regime.values().length * Situation.Level.values().length;

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Q-learning strategy selector",
            "Learns which group of bots (a family, or a strategy) to favour in each market situation: Q-learning with"
                    + " alpha 0.1, gamma 0.95, epsilon-greedy 0.3 -> 0.05, seeded.",
            ParameterSpec.text("horizon", "", "the horizon whose judged calls are its rewards, one of learning.horizons; empty for the"
                    + " shortest"),
            ParameterSpec.decimal("alpha", 0.1, 0, 1, "learning rate"),
            ParameterSpec.decimal("gamma", 0.95, 0, 0.999, "discount of the next state's value"),
            ParameterSpec.decimal("epsilonStart", 0.3, 0, 1, "exploration rate at the start"),
            ParameterSpec.decimal("epsilonEnd", 0.05, 0, 1, "lowest exploration rate"),
            ParameterSpec.decimal("epsilonDecay", 0.995, 0.5, 1, "factor applied to epsilon after every choice"),
            ParameterSpec.decimal("favour", 1.5, 1, 2, "weight multiplier of the favoured group's bots"),
            ParameterSpec.decimal("rewardScale", 0.01, 0.0001, 1, "the move (as a fraction) that earns a reward of 1"));

    /** Called by PF4J. */
    public QLearningSelector() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public LearnerInstance create(LearnerContext context) {
        Parameters p = context.parameters();
        if (p.getDouble("epsilonEnd") > p.getDouble("epsilonStart")) {
            throw new ParameterException("epsilonEnd", p.getDouble("epsilonEnd"), "at most epsilonStart = " + p.getDouble("epsilonStart"));
        }
        return new Instance(context, context.horizon("horizon", p.getString("horizon")), p.getDouble("alpha"), p.getDouble("gamma"),
                p.getDouble("epsilonStart"), p.getDouble("epsilonEnd"), p.getDouble("epsilonDecay"), p.getDouble("favour"),
                p.getDouble("rewardScale"));
    }

    /**
     * @param s a situation
     * @return its state's index: regime × volatility
     */
    static int state(Situation s) {
        return s.regime().ordinal() * Situation.Level.values().length + s.volatility().ordinal();
    }

    /**
     * One Q-learning step.
     *
     * @return {@code q + alpha × (reward + gamma × nextMax − q)}
     */
    static double update(double q, double alpha, double gamma, double reward, double nextMax) {
        return q + alpha * (reward + gamma * nextMax - q);
    }

    static final class Instance implements LearnerInstance {

        private final List<String> bots;
        private final List<String> groups = new ArrayList<>();
        private final int[] groupOf;
        private final Map<String, Integer> botIndex = new HashMap<>();
        private final Duration horizon;
        private final double alpha;
        private final double gamma;
        private final double epsilonEnd;
        private final double decay;
        private final double favour;
        private final double rewardScale;
        private final long seed;
        private final boolean learning;
        private final double[][] q;
        private final long[][] visits;
        private final long[] favoured;
        private final Map<String, Situation> latest = new HashMap<>();
        private final StateStore state;
        private double epsilon;
        private long choices;

        Instance(LearnerContext context, Duration horizon, double alpha, double gamma, double epsilonStart, double epsilonEnd,
                 double decay, double favour, double rewardScale) {
            this.bots = context.bots();
            this.groupOf = new int[bots.size()];
            Map<String, Integer> groupIndex = new LinkedHashMap<>();
            for (int i = 0; i < bots.size(); i++) {
                String group = context.groups().getOrDefault(bots.get(i), bots.get(i));
                groupOf[i] = groupIndex.computeIfAbsent(group, g -> {
                    groups.add(g);
                    return groups.size() - 1;
                });
                botIndex.put(bots.get(i), i);
            }
            this.horizon = horizon;
            this.alpha = alpha;
            this.gamma = gamma;
            this.epsilonEnd = epsilonEnd;
            this.decay = decay;
            this.favour = favour;
            this.rewardScale = rewardScale;
            this.seed = context.seed();
            this.learning = context.learning();
            this.q = new double[STATES][groups.size()];
            this.visits = new long[STATES][groups.size()];
            this.favoured = new long[groups.size()];
            this.epsilon = epsilonStart;
            this.state = context.state();
            state.get("q").ifPresent(this::restore);
        }

        @Override
        public void onVotes(VoteSample sample) {
            latest.put(sample.symbol(), sample.situation());
        }

        @Override
        public void onSignalOutcome(SignalOutcome outcome) {
            Integer i = botIndex.get(outcome.bot());
            if (i == null || !outcome.horizon().equals(horizon)) {
                return;
            }
            int s = state(outcome.situation());
            int next = state(latest.getOrDefault(outcome.symbol(), outcome.situation()));
            double reward = Math.max(-1, Math.min(1, outcome.move() / rewardScale));
            int a = groupOf[i];
            q[s][a] = update(q[s][a], alpha, gamma, reward, max(q[next]));
            visits[s][a]++;
        }

        private static double max(double[] values) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                m = Math.max(m, v);
            }
            return m;
        }

        /** @return the action for a state: ε-greedy while learning, greedy (no exploration, ε kept) while frozen */
        int choose(int s) {
            int a;
            SplittableRandom random = learning ? new SplittableRandom(seed * 0x9E3779B97F4A7C15L + choices) : null;
            if (random != null && random.nextDouble() < epsilon) {
                a = random.nextInt(groups.size());
            } else {
                a = 0;
                for (int k = 1; k < groups.size(); k++) {
                    if (q[s][k] > q[s][a]) {
                        a = k;
                    }
                }
            }
            if (learning) {
                epsilon = Math.max(epsilonEnd, epsilon * decay);
            }
            choices++;
            favoured[a]++;
            return a;
        }

        @Override
        public Map<String, Double> weights() {
            return weights(Situation.UNKNOWN);
        }

        @Override
        public Map<String, Double> weights(Situation situation) {
            int a = choose(state(situation));
            Map<String, Double> w = new LinkedHashMap<>();
            for (int i = 0; i < bots.size(); i++) {
                if (groupOf[i] == a) {
                    w.put(bots.get(i), favour);
                }
            }
            return w;
        }

        @Override
        public void onOutcome(Outcome outcome) {
        }

        /** @return the current exploration rate */
        double epsilon() {
            return epsilon;
        }

        /** @return Q(s, a) */
        double q(int s, int a) {
            return q[s][a];
        }

        @Override
        public Map<String, Map<String, Double>> figures() {
            Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
            if (choices == 0) {
                return figures;
            }
            for (int i = 0; i < bots.size(); i++) {
                int a = groupOf[i];
                double best = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < STATES; s++) {
                    if (visits[s][a] > 0) {
                        best = Math.max(best, q[s][a]);
                    }
                }
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("favoured", (double) favoured[a] / choices);
                if (best > Double.NEGATIVE_INFINITY) {
                    f.put("bestQ", best); // the best value of its group's action over the states it was learnt in
                }
                figures.put(bots.get(i), f);
            }
            return figures;
        }

        @Override
        public void checkpoint() {
            StateText text = new StateText(HEADER);
            Bots.save(text, bots);
            text.line("choices", seed, choices, epsilon);
            for (int a = 0; a < groups.size(); a++) {
                text.line("favoured", a, favoured[a]);
            }
            for (int s = 0; s < STATES; s++) {
                for (int a = 0; a < groups.size(); a++) {
                    if (visits[s][a] > 0) {
                        text.line("q", s, a, q[s][a], visits[s][a]);
                    }
                }
            }
            state.put("q", text.toString());
        }

        private void restore(String saved) {
            for (StateText.Line line : StateText.records("q", saved, HEADER, bots)) {
                switch (line.text(0)) {
                    case "choices" -> {
                        line.expect(4);
                        if (!line.text(1).equals(Long.toString(seed))) {
                            throw line.bad("saved with seed " + line.text(1) + ", this run's learning.seed is " + seed);
                        }
                        choices = Long.parseLong(line.text(2));
                        epsilon = line.number(3);
                    }
                    case "favoured" -> favoured[line.index(1, groups.size())] = (long) line.expect(3).number(2);
                    case "q" -> {
                        int s = line.expect(5).index(1, STATES);
                        int a = line.index(2, groups.size());
                        q[s][a] = line.number(3);
                        visits[s][a] = (long) line.number(4);
                    }
                    default -> throw line.bad("unknown record '" + line.text(0) + "'");
                }
            }
        }
    }
}
