package dev.quorum.plugins.winprob;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pf4j.Extension;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Direction;
import dev.quorum.api.Learner;
import dev.quorum.api.LearnerContext;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.Outcome;
import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.SignalOutcome;
import dev.quorum.api.SignalReview;
import dev.quorum.api.Situation;
import dev.quorum.api.StateStore;

/**
 * Win-probability model (seed 004): a logistic regression (Tribuo's {@link LinearSGDTrainer} with the log loss and
 * AdaGrad) that estimates the probability that a bot's call is right at {@code horizon} from its {@link Features}, and
 * leaves a LONG or SHORT signal whose probability is below {@code threshold} (0.60) out of the vote.
 *
 * <p><b>Training.</b> On the last {@code window} calls judged at the horizon, first once {@code minOutcomes} exist,
 * then again after every {@code retrainEvery} new ones; each training is seeded from the run's seed and the
 * training's number, so a run is repeatable. Until the first training no signal is filtered.
 *
 * <p><b>Evidence.</b> Every judged call that arrives while a model exists is first predicted by that model (which
 * has not seen it) and then learnt from (or, frozen, only predicted: {@link LearnerInstance#evaluate}): the figures {@code auc} and {@code calibrationError} (expected calibration
 * error over ten bins of probability) are taken over those out-of-sample predictions of the run, and reported under the bot
 * {@code *} (the learner as a whole) beside each bot's mean predicted probability and the share of its reviewed
 * signals that passed.
 *
 * <p>State (key {@code model}): the trained model (Tribuo's protobuf, base64), the window of calls and the counters
 * (the out-of-sample scores belong to the run that made them: a resumed learner scores afresh).
 */
@Extension
public class WinProbabilityLearner implements Learner {

    /** The id in config. */
    public static final String ID = "win-probability";

    private static final String HEADER = "win-probability 1";
    private static final int MAX_SCORES = 100_000;

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Win-probability model",
            "Logistic regression (Tribuo) on the bots' judged calls: signals whose probability of being right is below the"
                    + " threshold are left out of the vote.",
            ParameterSpec.text("horizon", "", "the horizon whose judged calls it learns from, one of learning.horizons; empty for the"
                    + " shortest"),
            ParameterSpec.decimal("threshold", 0.60, 0, 1, "the lowest probability of being right a signal may have to count"),
            ParameterSpec.integer("minOutcomes", 500, 10, 10_000_000, "judged calls before the first training"),
            ParameterSpec.integer("window", 5000, 10, 10_000_000, "the most recent judged calls each training uses"),
            ParameterSpec.integer("retrainEvery", 500, 1, 10_000_000, "new judged calls between two trainings"),
            ParameterSpec.integer("epochs", 5, 1, 1000, "passes over the window per training"));

    /** Called by PF4J. */
    public WinProbabilityLearner() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public LearnerInstance create(LearnerContext context) {
        Parameters p = context.parameters();
        if (p.getInt("minOutcomes") > p.getInt("window")) {
            throw new ParameterException("minOutcomes", p.getInt("minOutcomes"), "at most window = " + p.getInt("window"));
        }
        return new Instance(context, context.horizon("horizon", p.getString("horizon")), p.getDouble("threshold"),
                p.getInt("minOutcomes"), p.getInt("window"), p.getInt("retrainEvery"), p.getInt("epochs"));
    }

    /** A judged call in the training window. */
    private record Call(Features features, boolean hit) {
    }

    /**
     * The area under the ROC curve of probabilities against outcomes (the Mann–Whitney statistic, ties counted half).
     *
     * @param p    predicted probabilities
     * @param hit  what happened
     * @param n    how many of the arrays' entries count
     * @return the AUC, or NaN without both hits and misses
     */
    static double auc(double[] p, boolean[] hit, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double rankSumHits = 0;
        long hits = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // the mean rank of a run of ties
            for (int k = i; k <= j; k++) {
                if (hit[order[k]]) {
                    rankSumHits += rank;
                    hits++;
                }
            }
            i = j + 1;
        }
        long misses = n - hits;
        if (hits == 0 || misses == 0) {
            return Double.NaN;
        }
        return (rankSumHits - hits * (hits + 1) / 2.0) / ((double) hits * misses);
    }

    /**
     * The expected calibration error over ten equal bins of probability: {@code Σ (n_b / N) × |mean p_b − hit rate_b|}.
     *
     * @return the error, or NaN for no predictions
     */
    static double calibrationError(double[] p, boolean[] hit, int n) {
        double[] sumP = new double[10];
        int[] hits = new int[10];
        int[] count = new int[10];
        for (int i = 0; i < n; i++) {
            int b = Math.min(9, (int) (p[i] * 10));
            sumP[b] += p[i];
            count[b]++;
            if (hit[i]) {
                hits[b]++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double error = 0;
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                error += (double) count[b] / n * Math.abs(sumP[b] / count[b] - (double) hits[b] / count[b]);
            }
        }
        return error;
    }

    static final class Instance implements LearnerInstance {

        private static final Label HIT = new Label("hit");
        private static final Label MISS = new Label("miss");

        private final List<String> bots;
        private final Map<String, Integer> index = new HashMap<>();
        private final Duration horizon;
        private final double threshold;
        private final int minOutcomes;
        private final int windowSize;
        private final int retrainEvery;
        private final int epochs;
        private final long seed;
        private final StateStore state;
        private final ArrayDeque<Call> window = new ArrayDeque<>();
        private final Map<Long, Double> cache = new HashMap<>();
        private final double[] scoreP = new double[MAX_SCORES];
        private final boolean[] scoreHit = new boolean[MAX_SCORES];
        private int scores;
        private final double[] sumP;
        private final long[] reviewed;
        private final long[] passed;
        private Model<Label> model;
        private int sinceTraining;
        private int trainings;

        Instance(LearnerContext context, Duration horizon, double threshold, int minOutcomes, int windowSize, int retrainEvery, int epochs) {
            this.bots = context.bots();
            for (int i = 0; i < bots.size(); i++) {
                index.put(bots.get(i), i);
            }
            this.horizon = horizon;
            this.threshold = threshold;
            this.minOutcomes = minOutcomes;
            this.windowSize = windowSize;
            this.retrainEvery = retrainEvery;
            this.epochs = epochs;
            this.seed = context.seed();
            this.state = context.state();
            this.sumP = new double[bots.size()];
            this.reviewed = new long[bots.size()];
            this.passed = new long[bots.size()];
            state.get("model").ifPresent(this::restore);
        }

        @Override
        public void onSignalOutcome(SignalOutcome outcome) {
            Integer i = index.get(outcome.bot());
            if (i == null || !outcome.horizon().equals(horizon)) {
                return;
            }
            Features f = Features.of(i, outcome.direction(), outcome.confidence(), outcome.situation());
            score(f, outcome.hit());
            window.addLast(new Call(f, outcome.hit()));
            if (window.size() > windowSize) {
                window.removeFirst();
            }
            sinceTraining++;
            if (window.size() >= minOutcomes && (model == null || sinceTraining >= retrainEvery)) {
                train();
            }
        }

        /** Frozen (a test window): the call is only scored. */
        @Override
        public void evaluate(SignalOutcome outcome) {
            Integer i = index.get(outcome.bot());
            if (i != null && outcome.horizon().equals(horizon)) {
                score(Features.of(i, outcome.direction(), outcome.confidence(), outcome.situation()), outcome.hit());
            }
        }

        private void score(Features f, boolean hit) {
            if (model != null && scores < MAX_SCORES) {
                scoreP[scores] = probability(f);
                scoreHit[scores] = hit;
                scores++;
            }
        }

        private void train() {
            LabelFactory labels = new LabelFactory();
            MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("judged calls",
                    OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), labels), labels);
            for (Call c : window) {
                data.add(example(c.features(), c.hit() ? HIT : MISS));
            }
            trainings++;
            LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), epochs, -1, 1,
                    seed * 31 + trainings);
            model = trainer.train(data);
            sinceTraining = 0;
            cache.clear();
        }

        private Example<Label> example(Features f, Label label) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            f.fill(bots, names, values);
            return new ArrayExample<>(label, names.toArray(new String[0]), values.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** @return the model's probability that a call with these features is right */
        double probability(Features f) {
            Double cached = cache.get(f.key());
            if (cached != null) {
                return cached;
            }
            Map<String, Label> scores = model.predict(example(f, MISS)).getOutputScores();
            Label hit = scores.get("hit");
            double p = hit == null ? 0 : hit.getScore();
            cache.put(f.key(), p);
            return p;
        }

        @Override
        public boolean reviews() {
            return true;
        }

        @Override
        public double review(SignalReview review) {
            Integer i = index.get(review.bot());
            double c = review.signal().confidence();
            if (model == null || i == null || review.signal().direction() == Direction.FLAT) {
                return c;
            }
            // the bot's own confidence, as in the calls it learnt from, whatever a learner before it made of it
            double p = probability(Features.of(i, review.signal().direction(), review.stated(), review.situation()));
            reviewed[i]++;
            sumP[i] += p;
            if (p < threshold) {
                return 0;
            }
            passed[i]++;
            return c;
        }

        @Override
        public void onOutcome(Outcome outcome) {
        }

        @Override
        public Map<String, Double> weights() {
            return Map.of();
        }

        /** @return whether a model has been trained */
        boolean trained() {
            return model != null;
        }

        /** @return how many trainings so far */
        int trainings() {
            return trainings;
        }

        @Override
        public Map<String, Map<String, Double>> figures() {
            Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
            for (int i = 0; i < bots.size(); i++) {
                if (reviewed[i] > 0) {
                    figures.put(bots.get(i), Map.of("winProbability", sumP[i] / reviewed[i], "passRate", (double) passed[i] / reviewed[i]));
                }
            }
            Map<String, Double> whole = new LinkedHashMap<>();
            whole.put("trainings", (double) trainings);
            whole.put("scored", (double) scores);
            double auc = auc(scoreP, scoreHit, scores);
            if (!Double.isNaN(auc)) {
                whole.put("auc", auc);
            }
            if (scores > 0) {
                whole.put("calibrationError", calibrationError(scoreP, scoreHit, scores));
            }
            figures.put("*", whole);
            return figures;
        }

        @Override
        public void checkpoint() {
            StringBuilder text = new StringBuilder(HEADER).append('\n');
            text.append("bots");
            bots.forEach(b -> text.append('\t').append(b));
            text.append('\n');
            text.append("counts\t").append(sinceTraining).append('\t').append(trainings).append('\n');
            for (int i = 0; i < bots.size(); i++) {
                text.append("reviews\t").append(i).append('\t').append(reviewed[i]).append('\t').append(passed[i]).append('\t')
                        .append(sumP[i]).append('\n');
            }
            for (Call c : window) {
                Features f = c.features();
                Situation s = f.situation();
                text.append("call\t").append(f.bot()).append('\t').append(f.direction()).append('\t').append(f.confidence()).append('\t')
                        .append(s.regime()).append('\t').append(s.volatility()).append('\t').append(s.volume()).append('\t')
                        .append(s.momentum()).append('\t').append(c.hit() ? 1 : 0).append('\n');
            }
            if (model != null) {
                text.append("model\t").append(Base64.getEncoder().encodeToString(model.serialize().toByteArray())).append('\n');
            }
            state.put("model", text.toString());
        }

        @SuppressWarnings("unchecked")
        private void restore(String saved) {
            String[] lines = saved.split("\n");
            if (!lines[0].equals(HEADER)) {
                throw new IllegalStateException("state 'model' line 1: expected '" + HEADER + "'");
            }
            for (int n = 1; n < lines.length; n++) {
                String[] f = lines[n].split("\t", -1);
                int line = n + 1;
                try {
                    switch (f[0]) {
                        case "bots" -> {
                            List<String> savedBots = List.of(f).subList(1, f.length);
                            if (!savedBots.equals(bots)) {
                                throw new IllegalStateException("saved for other bots than this run's");
                            }
                        }
                        case "counts" -> {
                            sinceTraining = Integer.parseInt(f[1]);
                            trainings = Integer.parseInt(f[2]);
                        }
                        case "reviews" -> {
                            int i = Integer.parseInt(f[1]);
                            reviewed[i] = Long.parseLong(f[2]);
                            passed[i] = Long.parseLong(f[3]);
                            sumP[i] = Double.parseDouble(f[4]);
                        }
                        case "call" -> {
                            int bot = Integer.parseInt(f[1]);
                            if (bot < 0 || bot >= bots.size()) {
                                throw new IllegalStateException("bot " + bot + " out of range");
                            }
                            Situation s = new Situation(Situation.Regime.valueOf(f[4]), Situation.Level.valueOf(f[5]),
                                    Situation.Level.valueOf(f[6]), Situation.Momentum.valueOf(f[7]));
                            window.addLast(new Call(new Features(bot, Direction.valueOf(f[2]), Integer.parseInt(f[3]), s), f[8].equals("1")));
                            if (window.size() > windowSize) {
                                window.removeFirst();
                            }
                        }
                        case "model" -> model = (Model<Label>) Model.deserialize(ModelProto.parseFrom(Base64.getDecoder().decode(f[1])));
                        default -> throw new IllegalStateException("unknown record '" + f[0] + "'");
                    }
                } catch (RuntimeException | com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new IllegalStateException("state 'model' line " + line + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
