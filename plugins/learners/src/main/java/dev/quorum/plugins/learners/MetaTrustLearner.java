package dev.quorum.plugins.learners;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * Meta-learning trust (seed 003): which bots to trust, and when. A bot's trust, in [0, 1], is
 * <pre>
 *   0.30 × accuracy + 0.25 × consistency + 0.30 × expertise in the situation now + 0.15 × diversity
 * </pre>
 * (the shares are parameters and must add up to 1), from its calls judged at {@code horizon}:
 * <ul>
 *   <li><b>accuracy</b>: its hit rate over its last {@code window} judged calls, {@code (hits + 1) / (n + 2)} (a
 *       uniform prior: 0.5 with no record);</li>
 *   <li><b>consistency</b>: those calls split, oldest first, into {@code blocks} equal blocks; {@code 1 − 2 × the
 *       standard deviation of the blocks' hit rates} (a proportion's deviation is at most 0.5), 0.5 while there are
 *       fewer than two calls per block;</li>
 *   <li><b>expertise</b>: the mean, over the situation's known measures (regime, volatility, volume, momentum), of its
 *       hit rate {@code (hits + 1) / (n + 2)} on all its calls made in that measure's bucket; its accuracy when no
 *       measure is known;</li>
 *   <li><b>diversity</b>: {@code (1 − c) / 2}, where {@code c} is the mean correlation of its signals with the other
 *       bots' over the last {@code correlationWindow} samples ({@link SignalCorrelation}); 0.5 without one.</li>
 * </ul>
 * Its multiplier is {@code trust / 0.5}: a coin-flip record in every respect keeps weight 1, a perfect one doubles
 * it. Until a bot has {@code minOutcomes} judged calls its multiplier is 1.
 *
 * <p>State (key {@code trust}): each bot's last calls, its per-bucket record, and the correlation window.
 */
@Extension
public class MetaTrustLearner implements Learner {

    /** The id in config. */
    public static final String ID = "meta-trust";

    private static final String HEADER = "meta-trust 1";
    private static final int MEASURES = 4;
    private static final int VALUES = 4;

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Meta-learning trust",
            "Trust per bot = 30% accuracy + 25% consistency + 30% expertise in the situation now + 15% diversity; weight"
                    + " multiplier = trust / 0.5.",
            ParameterSpec.text("horizon", "", "the horizon whose judged calls it learns from, one of learning.horizons; empty for the"
                    + " shortest"),
            ParameterSpec.integer("window", 100, 4, 100_000, "judged calls per bot that accuracy and consistency are taken over"),
            ParameterSpec.integer("blocks", 5, 2, 50, "blocks the window is split into for consistency"),
            ParameterSpec.integer("minOutcomes", 20, 1, 100_000, "judged calls a bot needs before its weight moves"),
            ParameterSpec.integer("correlationWindow", 500, 10, 100_000, "samples of all bots' signals diversity is taken over"),
            ParameterSpec.decimal("accuracyWeight", 0.30, 0, 1, "share of accuracy in trust"),
            ParameterSpec.decimal("consistencyWeight", 0.25, 0, 1, "share of consistency in trust"),
            ParameterSpec.decimal("expertiseWeight", 0.30, 0, 1, "share of expertise in the situation now in trust"),
            ParameterSpec.decimal("diversityWeight", 0.15, 0, 1, "share of diversity in trust"));

    /** Called by PF4J. */
    public MetaTrustLearner() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public LearnerInstance create(LearnerContext context) {
        Parameters p = context.parameters();
        double[] shares = {p.getDouble("accuracyWeight"), p.getDouble("consistencyWeight"), p.getDouble("expertiseWeight"),
                p.getDouble("diversityWeight")};
        double total = shares[0] + shares[1] + shares[2] + shares[3];
        if (Math.abs(total - 1) > 1e-9) {
            throw new ParameterException("accuracyWeight", shares[0], String.format(Locale.ROOT, "shares of trust that add up to 1:"
                    + " accuracyWeight + consistencyWeight + expertiseWeight + diversityWeight = %s + %s + %s + %s = %s", shares[0],
                    shares[1], shares[2], shares[3], total));
        }
        if (p.getInt("window") < 2 * p.getInt("blocks")) {
            throw new ParameterException("window", p.getInt("window"), "at least 2 x blocks = " + 2 * p.getInt("blocks"));
        }
        return new Instance(context.bots(), context.horizon("horizon", p.getString("horizon")), p.getInt("window"),
                p.getInt("blocks"), p.getInt("minOutcomes"), p.getInt("correlationWindow"), shares, context.state());
    }

    /** One bot's record. */
    private static final class Record {
        final HitWindow recent;
        final int[][] hits = new int[MEASURES][VALUES];
        final int[][] calls = new int[MEASURES][VALUES];

        Record(int window) {
            recent = new HitWindow(window);
        }
    }

    /** The figures of one bot: its trust and each component. */
    record Trust(double trust, double accuracy, double consistency, double expertise, double diversity) {
    }

    static final class Instance implements LearnerInstance {

        private final List<String> bots;
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final Duration horizon;
        private final int blocks;
        private final int minOutcomes;
        private final double[] shares;
        private final Record[] records;
        private final SignalCorrelation correlation;
        private final StateStore state;

        Instance(List<String> bots, Duration horizon, int window, int blocks, int minOutcomes, int correlationWindow, double[] shares,
                 StateStore state) {
            this.bots = bots;
            this.horizon = horizon;
            this.blocks = blocks;
            this.minOutcomes = minOutcomes;
            this.shares = shares.clone();
            this.records = new Record[bots.size()];
            for (int i = 0; i < records.length; i++) {
                records[i] = new Record(window);
                index.put(bots.get(i), i);
            }
            this.correlation = new SignalCorrelation(bots.size(), correlationWindow);
            this.state = state;
            state.get("trust").ifPresent(this::restore);
        }

        @Override
        public void onSignalOutcome(SignalOutcome outcome) {
            Integer i = index.get(outcome.bot());
            if (i == null || !outcome.horizon().equals(horizon)) {
                return;
            }
            Record r = records[i];
            r.recent.add(outcome.hit());
            int[] buckets = buckets(outcome.situation());
            for (int m = 0; m < MEASURES; m++) {
                if (buckets[m] >= 0) {
                    r.calls[m][buckets[m]]++;
                    if (outcome.hit()) {
                        r.hits[m][buckets[m]]++;
                    }
                }
            }
        }

        @Override
        public void onVotes(VoteSample sample) {
            correlation.add(sample.signals());
        }

        @Override
        public void onOutcome(Outcome outcome) {
        }

        @Override
        public Map<String, Double> weights() {
            return weights(Situation.UNKNOWN);
        }

        @Override
        public Map<String, Double> weights(Situation situation) {
            Map<String, Double> w = new LinkedHashMap<>();
            for (int i = 0; i < records.length; i++) {
                if (records[i].recent.count() >= minOutcomes) {
                    w.put(bots.get(i), trust(i, situation).trust() / 0.5);
                }
            }
            return w;
        }

        /** @return bot {@code i}'s trust in a situation and its components */
        Trust trust(int i, Situation situation) {
            Record r = records[i];
            double accuracy = (r.recent.hits() + 1.0) / (r.recent.count() + 2.0);
            double consistency = consistency(r.recent);
            double expertise = expertise(r, situation, accuracy);
            double c = correlation.meanCorrelation(i);
            double diversity = Double.isNaN(c) ? 0.5 : (1 - c) / 2;
            double trust = shares[0] * accuracy + shares[1] * consistency + shares[2] * expertise + shares[3] * diversity;
            return new Trust(trust, accuracy, consistency, expertise, diversity);
        }

        private double consistency(HitWindow recent) {
            int size = recent.count() / blocks;
            if (size < 2) {
                return 0.5;
            }
            // the newest blocks * size calls, in blocks oldest first
            int first = recent.count() - blocks * size;
            double[] rates = new double[blocks];
            double mean = 0;
            for (int b = 0; b < blocks; b++) {
                int hits = 0;
                for (int k = 0; k < size; k++) {
                    if (recent.get(first + b * size + k)) {
                        hits++;
                    }
                }
                rates[b] = (double) hits / size;
                mean += rates[b] / blocks;
            }
            double variance = 0;
            for (double rate : rates) {
                variance += (rate - mean) * (rate - mean) / blocks;
            }
            return Math.max(0, Math.min(1, 1 - 2 * Math.sqrt(variance)));
        }

        private static double expertise(Record r, Situation situation, double accuracy) {
            int[] buckets = buckets(situation);
            double total = 0;
            int known = 0;
            for (int m = 0; m < MEASURES; m++) {
                if (buckets[m] >= 0) {
                    total += (r.hits[m][buckets[m]] + 1.0) / (r.calls[m][buckets[m]] + 2.0);
                    known++;
                }
            }
            return known == 0 ? accuracy : total / known;
        }

        /** @return per measure the bucket's index, or -1 where it is unknown */
        private static int[] buckets(Situation s) {
            return new int[] {
                s.regime() == Situation.Regime.UNKNOWN ? -1 : s.regime().ordinal(),
                s.volatility() == Situation.Level.UNKNOWN ? -1 : s.volatility().ordinal(),
                s.volume() == Situation.Level.UNKNOWN ? -1 : s.volume().ordinal(),
                s.momentum() == Situation.Momentum.UNKNOWN ? -1 : s.momentum().ordinal()};
        }

        @Override
        public Map<String, Map<String, Double>> figures() {
            Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
            for (int i = 0; i < records.length; i++) {
                if (records[i].recent.count() == 0) {
                    continue;
                }
                Trust t = trust(i, Situation.UNKNOWN);
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("trust", t.trust());
                f.put("accuracy", t.accuracy());
                f.put("consistency", t.consistency());
                f.put("diversity", t.diversity());
                figures.put(bots.get(i), f);
            }
            return figures;
        }

        @Override
        public void checkpoint() {
            StateText text = new StateText(HEADER);
            Bots.save(text, bots);
            for (int i = 0; i < records.length; i++) {
                Record r = records[i];
                text.line("recent", i, r.recent.encode());
                for (int m = 0; m < MEASURES; m++) {
                    for (int v = 0; v < VALUES; v++) {
                        if (r.calls[m][v] > 0) {
                            text.line("bucket", i, m, v, r.hits[m][v], r.calls[m][v]);
                        }
                    }
                }
            }
            correlation.save(text);
            state.put("trust", text.toString());
        }

        private void restore(String saved) {
            for (StateText.Line line : StateText.records("trust", saved, HEADER, bots)) {
                switch (line.text(0)) {
                    case "recent" -> {
                        line.expect(3);
                        int i = line.index(1, bots.size());
                        if (records[i].recent.count() > 0 || !records[i].recent.decode(line.text(2))) {
                            throw line.bad("expected one run of 0s and 1s per bot, found '" + line.text(2) + "'");
                        }
                    }
                    case "bucket" -> {
                        line.expect(6);
                        int i = line.index(1, bots.size());
                        int m = line.index(2, MEASURES);
                        int v = line.index(3, VALUES);
                        int hits = line.count(4);
                        int calls = line.count(5);
                        if (hits > calls) {
                            throw line.bad(hits + " hits of " + calls + " calls");
                        }
                        records[i].hits[m][v] = hits;
                        records[i].calls[m][v] = calls;
                    }
                    case "sample" -> correlation.restore(line);
                    default -> throw line.bad("unknown record '" + line.text(0) + "'");
                }
            }
        }
    }
}
