package dev.quorum.plugins.learners;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pf4j.Extension;

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
import dev.quorum.api.VoteSample;

/**
 * Signal quality filter and adaptive weights (seed 002), each off unless turned on, as in the seed.
 * <ul>
 *   <li><b>Quality filter</b> ({@code filtering: true}): a LONG or SHORT signal's quality is
 *       {@code 0.40 × confidence + 0.35 × confluence + 0.25 × regime alignment}, where confluence is the share of the
 *       other voters calling the same direction ({@code (agreeing − 1) / (voters − 1)}) and regime alignment is 1 with
 *       the trend (LONG in TREND_UP, SHORT in TREND_DOWN), 0 against it, 0.5 in a range or while unknown. Below
 *       {@code threshold} (0.5) the signal is left out of the vote.</li>
 *   <li><b>Adaptive weights</b> ({@code adaptive: true}): once per {@code updateMinutes} of engine time (60: the
 *       seed's hourly), each bot with {@code minOutcomes} judged calls at {@code horizon} moves its weight towards
 *       {@code hit rate / 0.5} over its last {@code window} calls ({@code (hits + 1) / (n + 2)}), by at most 15% of
 *       where it was, and stays within [0.1, 2.0] (the seed's bounds; the host bounds the product of all learners'
 *       multipliers the same way).</li>
 * </ul>
 * The seed's size multiplier (0.1–2.0) is the risk chain's: {@code circuit-breaker} in plugin risk-sizing.
 *
 * <p>State (key {@code quality}): each bot's last calls, adaptive weight, and the time of the last update.
 */
@Extension
public class QualityWeightsLearner implements Learner {

    /** The id in config. */
    public static final String ID = "quality-weights";

    private static final String HEADER = "quality-weights 1";
    private static final double MAX_CHANGE = 0.15;
    private static final double MIN_WEIGHT = 0.1;
    private static final double MAX_WEIGHT = 2.0;

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Signal quality filter and adaptive weights",
            "Leaves signals of low quality (confidence, confluence, regime alignment) out of the vote, and moves each bot's weight"
                    + " hourly by at most 15% towards its hit rate / 0.5; both off unless turned on.",
            ParameterSpec.bool("filtering", false, "leave signals below the quality threshold out of the vote"),
            ParameterSpec.decimal("threshold", 0.5, 0, 1, "the lowest quality a signal may have to count"),
            ParameterSpec.decimal("confidenceShare", 0.40, 0, 1, "share of the confidence in quality"),
            ParameterSpec.decimal("confluenceShare", 0.35, 0, 1, "share of the other voters' agreement in quality"),
            ParameterSpec.decimal("regimeShare", 0.25, 0, 1, "share of the alignment with the regime in quality"),
            ParameterSpec.bool("adaptive", false, "move each bot's weight towards its hit rate"),
            ParameterSpec.text("horizon", "", "the horizon whose judged calls the weights follow, one of learning.horizons; empty for"
                    + " the shortest"),
            ParameterSpec.integer("window", 50, 2, 100_000, "judged calls per bot its hit rate is taken over"),
            ParameterSpec.integer("minOutcomes", 20, 1, 100_000, "judged calls a bot needs before its weight moves"),
            ParameterSpec.integer("updateMinutes", 60, 1, 100_000, "engine minutes between two weight updates"));

    /** Called by PF4J. */
    public QualityWeightsLearner() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public LearnerInstance create(LearnerContext context) {
        Parameters p = context.parameters();
        double[] shares = {p.getDouble("confidenceShare"), p.getDouble("confluenceShare"), p.getDouble("regimeShare")};
        double total = shares[0] + shares[1] + shares[2];
        if (Math.abs(total - 1) > 1e-9) {
            throw new ParameterException("confidenceShare", shares[0], String.format(Locale.ROOT, "shares of quality that add up to 1:"
                    + " confidenceShare + confluenceShare + regimeShare = %s + %s + %s = %s", shares[0], shares[1], shares[2], total));
        }
        return new Instance(context.bots(), p.getBoolean("filtering"), p.getDouble("threshold"), shares, p.getBoolean("adaptive"),
                context.horizon("horizon", p.getString("horizon")), p.getInt("window"), p.getInt("minOutcomes"),
                Duration.ofMinutes(p.getInt("updateMinutes")), context.state());
    }

    /**
     * A signal's quality.
     *
     * @param shares     the shares of confidence, confluence and regime alignment
     * @param review     the signal and where it stands
     * @return its quality in [0, 1]
     */
    static double quality(double[] shares, SignalReview review) {
        double confluence = review.voters() > 1 ? (review.agreeing() - 1.0) / (review.voters() - 1.0) : 1;
        return shares[0] * review.signal().confidence() + shares[1] * confluence + shares[2]
                * alignment(review.signal().direction(), review.situation().regime());
    }

    /** @return 1 with the trend, 0 against it, 0.5 otherwise */
    static double alignment(Direction direction, Situation.Regime regime) {
        return switch (regime) {
            case TREND_UP -> direction == Direction.LONG ? 1 : 0;
            case TREND_DOWN -> direction == Direction.SHORT ? 1 : 0;
            default -> 0.5;
        };
    }

    /**
     * One adaptive step.
     *
     * @return {@code target} reached by at most 15% of {@code weight}, within [0.1, 2.0]
     */
    static double step(double weight, double target) {
        double moved = Math.max(weight * (1 - MAX_CHANGE), Math.min(weight * (1 + MAX_CHANGE), target));
        return Math.max(MIN_WEIGHT, Math.min(MAX_WEIGHT, moved));
    }

    static final class Instance implements LearnerInstance {

        private final List<String> bots;
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final boolean filtering;
        private final double threshold;
        private final double[] shares;
        private final boolean adaptive;
        private final Duration horizon;
        private final int minOutcomes;
        private final Duration every;
        private final HitWindow[] recent;
        private final double[] weight;
        private final long[] reviewed;
        private final long[] passed;
        private final StateStore state;
        private Instant now;
        private Instant lastUpdate;

        Instance(List<String> bots, boolean filtering, double threshold, double[] shares, boolean adaptive, Duration horizon, int window,
                 int minOutcomes, Duration every, StateStore state) {
            this.bots = bots;
            for (int i = 0; i < bots.size(); i++) {
                index.put(bots.get(i), i);
            }
            this.filtering = filtering;
            this.threshold = threshold;
            this.shares = shares.clone();
            this.adaptive = adaptive;
            this.horizon = horizon;
            this.minOutcomes = minOutcomes;
            this.every = every;
            this.recent = new HitWindow[bots.size()];
            this.weight = new double[bots.size()];
            for (int i = 0; i < recent.length; i++) {
                recent[i] = new HitWindow(window);
                weight[i] = 1;
            }
            this.reviewed = new long[bots.size()];
            this.passed = new long[bots.size()];
            this.state = state;
            state.get("quality").ifPresent(this::restore);
        }

        @Override
        public boolean reviews() {
            return filtering;
        }

        @Override
        public double review(SignalReview review) {
            Integer i = index.get(review.bot());
            boolean pass = quality(shares, review) >= threshold;
            if (i != null) {
                reviewed[i]++;
                if (pass) {
                    passed[i]++;
                }
            }
            return pass ? review.signal().confidence() : 0;
        }

        @Override
        public void onSignalOutcome(SignalOutcome outcome) {
            later(outcome.judgedAt());
            Integer i = index.get(outcome.bot());
            if (i != null && outcome.horizon().equals(horizon)) {
                recent[i].add(outcome.hit());
            }
        }

        @Override
        public void onVotes(VoteSample sample) {
            later(sample.time());
        }

        private void later(Instant time) {
            if (now == null || time.isAfter(now)) {
                now = time;
            }
        }

        @Override
        public void onOutcome(Outcome outcome) {
        }

        @Override
        public Map<String, Double> weights() {
            if (!adaptive) {
                return Map.of();
            }
            if (now != null && (lastUpdate == null || !now.isBefore(lastUpdate.plus(every)))) {
                lastUpdate = now;
                for (int i = 0; i < weight.length; i++) {
                    if (recent[i].count() >= minOutcomes) {
                        double hitRate = (recent[i].hits() + 1.0) / (recent[i].count() + 2.0);
                        weight[i] = step(weight[i], hitRate / 0.5);
                    }
                }
            }
            Map<String, Double> w = new LinkedHashMap<>();
            for (int i = 0; i < weight.length; i++) {
                if (weight[i] != 1) {
                    w.put(bots.get(i), weight[i]);
                }
            }
            return w;
        }

        @Override
        public Map<String, Map<String, Double>> figures() {
            Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
            for (int i = 0; i < bots.size(); i++) {
                Map<String, Double> f = new LinkedHashMap<>();
                if (filtering && reviewed[i] > 0) {
                    f.put("qualityPass", (double) passed[i] / reviewed[i]);
                }
                if (adaptive) {
                    f.put("adaptiveWeight", weight[i]);
                }
                if (!f.isEmpty()) {
                    figures.put(bots.get(i), f);
                }
            }
            return figures;
        }

        @Override
        public void checkpoint() {
            StateText text = new StateText(HEADER);
            Bots.save(text, bots);
            text.line("times", now == null ? "-" : now.toString(), lastUpdate == null ? "-" : lastUpdate.toString());
            for (int i = 0; i < bots.size(); i++) {
                text.line("bot", i, weight[i], reviewed[i], passed[i], recent[i].encode());
            }
            state.put("quality", text.toString());
        }

        private void restore(String saved) {
            for (StateText.Line line : StateText.records("quality", saved, HEADER, bots)) {
                switch (line.text(0)) {
                    case "times" -> {
                        line.expect(3);
                        now = instant(line, 1);
                        lastUpdate = instant(line, 2);
                    }
                    case "bot" -> {
                        line.expect(6);
                        int i = line.index(1, bots.size());
                        double w = line.number(2);
                        if (w < MIN_WEIGHT || w > MAX_WEIGHT) {
                            throw line.bad("weight " + w + " outside [0.1, 2.0]");
                        }
                        weight[i] = w;
                        reviewed[i] = (long) line.number(3);
                        passed[i] = (long) line.number(4);
                        if (recent[i].count() > 0 || !recent[i].decode(line.text(5))) {
                            throw line.bad("expected one run of 0s and 1s per bot, found '" + line.text(5) + "'");
                        }
                    }
                    default -> throw line.bad("unknown record '" + line.text(0) + "'");
                }
            }
        }

        private static Instant instant(StateText.Line line, int field) {
            if (line.text(field).equals("-")) {
                return null;
            }
            try {
                return Instant.parse(line.text(field));
            } catch (java.time.format.DateTimeParseException e) {
                throw line.bad("field " + (field + 1) + " is '" + line.text(field) + "', expected an instant or -");
            }
        }
    }
}
