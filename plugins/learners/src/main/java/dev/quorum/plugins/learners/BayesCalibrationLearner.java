package dev.quorum.plugins.learners;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pf4j.Extension;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Learner;
import dev.quorum.api.LearnerContext;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.Outcome;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.SignalOutcome;
import dev.quorum.api.SignalReview;
import dev.quorum.api.StateStore;

/**
 * Bayesian confidence calibration (seed 001): maps a bot's stated confidence to what its record says. Each bot's
 * calls judged at {@code horizon} are counted per confidence bucket ({@code buckets} equal slices of [0, 1]); the
 * hit rate of a bucket is the mean of a Beta posterior whose prior carries {@code priorStrength} calls' weight. The bucket
 * is the one of the confidence the bot stated ({@link SignalReview#stated()}), whatever a learner before it did.
 * <ul>
 *   <li>{@code mode: probability}: the prior is centred on the stated confidence {@code c}, and the calibrated
 *       confidence is the posterior hit rate {@code (c × k + hits) / (k + n)}: the stated confidence with no record,
 *       the observed hit rate with a long one (a bot right half the time ends up at 0.5, whatever it states);</li>
 *   <li>{@code mode: relative}: the prior is centred on 0.5, and the calibrated confidence is
 *       {@code c × p / 0.5} with {@code p = (0.5 × k + hits) / (k + n)}, at most 1 ({@code c} being the confidence as
 *       the learners before it left it): a bucket right more often than not counts for more than it states, one right
 *       less often for less; a coin-flip record keeps its confidence.</li>
 * </ul>
 * With {@code priorStrength: 0} and no call in a bucket yet, the confidence is left as it is.
 * <ul>
 * </ul>
 * It only reviews confidences; it leaves the weights alone.
 *
 * <p>State (key {@code calibration}): hits and calls per bot and bucket.
 */
@Extension
public class BayesCalibrationLearner implements Learner {

    /** The id in config. */
    public static final String ID = "bayes-calibration";

    private static final String HEADER = "bayes-calibration 1";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Bayesian confidence calibration",
            "Replaces each bot's stated confidence with its observed hit rate in that confidence bucket (a Beta posterior).",
            ParameterSpec.text("horizon", "", "the horizon whose judged calls it learns from, one of learning.horizons; empty for the"
                    + " shortest"),
            ParameterSpec.integer("buckets", 5, 1, 100, "equal slices of [0, 1] a stated confidence falls into"),
            ParameterSpec.decimal("priorStrength", 20, 0, 1_000_000, "how many calls' weight the prior carries"),
            ParameterSpec.choice("mode", "probability", List.of("probability", "relative"),
                    "probability: the confidence becomes the posterior hit rate; relative: it is scaled by the hit rate over 0.5"));

    /** Called by PF4J. */
    public BayesCalibrationLearner() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public LearnerInstance create(LearnerContext context) {
        Parameters p = context.parameters();
        return new Instance(context.bots(), context.horizon("horizon", p.getString("horizon")), p.getInt("buckets"),
                p.getDouble("priorStrength"), p.getString("mode").equals("relative"), context.state());
    }

    static final class Instance implements LearnerInstance {

        private final List<String> bots;
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final Duration horizon;
        private final int buckets;
        private final double prior;
        private final boolean relative;
        private final int[][] hits;
        private final int[][] calls;
        private final double[] statedTotal;
        private final StateStore state;

        Instance(List<String> bots, Duration horizon, int buckets, double prior, boolean relative, StateStore state) {
            this.bots = bots;
            for (int i = 0; i < bots.size(); i++) {
                index.put(bots.get(i), i);
            }
            this.horizon = horizon;
            this.buckets = buckets;
            this.prior = prior;
            this.relative = relative;
            this.hits = new int[bots.size()][buckets];
            this.calls = new int[bots.size()][buckets];
            this.statedTotal = new double[bots.size()];
            this.state = state;
            state.get("calibration").ifPresent(this::restore);
        }

        private int bucket(double confidence) {
            return Math.min(buckets - 1, (int) Math.floor(confidence * buckets));
        }

        @Override
        public void onSignalOutcome(SignalOutcome outcome) {
            Integer i = index.get(outcome.bot());
            if (i == null || !outcome.horizon().equals(horizon)) {
                return;
            }
            int b = bucket(outcome.confidence());
            calls[i][b]++;
            if (outcome.hit()) {
                hits[i][b]++;
            }
            statedTotal[i] += outcome.confidence();
        }

        @Override
        public boolean reviews() {
            return true;
        }

        @Override
        public double review(SignalReview review) {
            Integer i = index.get(review.bot());
            double c = review.signal().confidence();
            return i == null ? c : calibrated(i, review.stated(), c);
        }

        /**
         * @param i       the bot
         * @param stated  the confidence it stated (its bucket is looked up)
         * @param current the confidence as the learners before this one left it
         * @return the calibrated confidence
         */
        double calibrated(int i, double stated, double current) {
            int b = bucket(stated);
            int n = calls[i][b];
            if (prior + n == 0) {
                return current; // no prior and no record: nothing to say
            }
            if (relative) {
                double p = (0.5 * prior + hits[i][b]) / (prior + n);
                return Math.min(1, current * p / 0.5);
            }
            return (stated * prior + hits[i][b]) / (prior + n);
        }

        @Override
        public void onOutcome(Outcome outcome) {
        }

        @Override
        public Map<String, Double> weights() {
            return Map.of();
        }

        @Override
        public Map<String, Map<String, Double>> figures() {
            Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
            for (int i = 0; i < bots.size(); i++) {
                int n = 0;
                int h = 0;
                for (int b = 0; b < buckets; b++) {
                    n += calls[i][b];
                    h += hits[i][b];
                }
                if (n == 0) {
                    continue;
                }
                double hitRate = (double) h / n;
                double stated = statedTotal[i] / n;
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("hitRate", hitRate);
                f.put("statedConfidence", stated);
                f.put("calibration", stated > 0 ? hitRate / stated : 0);
                figures.put(bots.get(i), f);
            }
            return figures;
        }

        @Override
        public void checkpoint() {
            StateText text = new StateText(HEADER);
            Bots.save(text, bots);
            text.line("buckets", buckets);
            for (int i = 0; i < bots.size(); i++) {
                text.line("stated", i, statedTotal[i]);
                for (int b = 0; b < buckets; b++) {
                    if (calls[i][b] > 0) {
                        text.line("bucket", i, b, hits[i][b], calls[i][b]);
                    }
                }
            }
            state.put("calibration", text.toString());
        }

        private void restore(String saved) {
            for (StateText.Line line : StateText.records("calibration", saved, HEADER, bots)) {
                switch (line.text(0)) {
                    case "buckets" -> {
                        if (line.expect(2).count(1) != buckets) {
                            throw line.bad("saved with " + line.text(1) + " buckets, this run has buckets = " + buckets);
                        }
                    }
                    case "stated" -> statedTotal[line.index(1, bots.size())] = line.expect(3).number(2);
                    case "bucket" -> {
                        line.expect(5);
                        int i = line.index(1, bots.size());
                        int b = line.index(2, buckets);
                        int h = line.count(3);
                        int n = line.count(4);
                        if (h > n) {
                            throw line.bad(h + " hits of " + n + " calls");
                        }
                        hits[i][b] = h;
                        calls[i][b] = n;
                    }
                    default -> throw line.bad("unknown record '" + line.text(0) + "'");
                }
            }
        }
    }
}
