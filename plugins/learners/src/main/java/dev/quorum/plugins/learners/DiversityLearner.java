package dev.quorum.plugins.learners;

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
import dev.quorum.api.StateStore;
import dev.quorum.api.VoteSample;

/**
 * Correlation and diversity (seed 003): rewards bots whose signals differ from the others' and penalises redundant
 * ones. Over the last {@code window} samples of all bots' signals ({@link SignalCorrelation}), a bot's mean
 * correlation with the others sets its multiplier in bands: below 0.3 ×1.2, below 0.5 ×1.1, below 0.7 ×1, below 0.85
 * ×0.9, else ×0.8. Until {@code minSamples} samples exist, or for a bot that never changed its signal in the window
 * (no correlation), the multiplier is 1.
 *
 * <p>Parameters: {@code window} (samples, default 500, [10, 100000]), {@code minSamples} (default 30, [2, 100000]).
 * State: the window's samples (key {@code window}).
 */
@Extension
public class DiversityLearner implements Learner {

    /** The id in config. */
    public static final String ID = "correlation-diversity";

    private static final String HEADER = "correlation-diversity 1";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Correlation and diversity",
            "Weighs bots by how little their signals correlate with the others': +20% below a mean correlation of 0.3 down"
                    + " to -20% at 0.85 and above.",
            ParameterSpec.integer("window", 500, 10, 100_000, "samples of all bots' signals the correlations are taken over"),
            ParameterSpec.integer("minSamples", 30, 2, 100_000, "samples needed before any weight moves"));

    /** Called by PF4J. */
    public DiversityLearner() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public LearnerInstance create(LearnerContext context) {
        return new Instance(context.bots(), context.parameters().getInt("window"), context.parameters().getInt("minSamples"),
                context.state());
    }

    /**
     * The seed's bands.
     *
     * @param meanCorrelation a bot's mean correlation with the others
     * @return its multiplier
     */
    static double band(double meanCorrelation) {
        if (meanCorrelation < 0.3) {
            return 1.2;
        }
        if (meanCorrelation < 0.5) {
            return 1.1;
        }
        if (meanCorrelation < 0.7) {
            return 1.0;
        }
        if (meanCorrelation < 0.85) {
            return 0.9;
        }
        return 0.8;
    }

    static final class Instance implements LearnerInstance {

        private final List<String> bots;
        private final SignalCorrelation correlation;
        private final int minSamples;
        private final StateStore state;

        Instance(List<String> bots, int window, int minSamples, StateStore state) {
            this.bots = bots;
            this.correlation = new SignalCorrelation(bots.size(), window);
            this.minSamples = minSamples;
            this.state = state;
            state.get("window").ifPresent(this::restore);
        }

        private void restore(String text) {
            for (StateText.Line line : StateText.records("window", text, HEADER, bots)) {
                correlation.restore(line);
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
            Map<String, Double> w = new LinkedHashMap<>();
            if (correlation.count() < minSamples) {
                return w;
            }
            for (int i = 0; i < bots.size(); i++) {
                double c = correlation.meanCorrelation(i);
                if (!Double.isNaN(c)) {
                    w.put(bots.get(i), band(c));
                }
            }
            return w;
        }

        @Override
        public Map<String, Map<String, Double>> figures() {
            Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
            for (int i = 0; i < bots.size(); i++) {
                double c = correlation.meanCorrelation(i);
                if (!Double.isNaN(c)) {
                    figures.put(bots.get(i), Map.of("correlation", c));
                }
            }
            return figures;
        }

        @Override
        public void checkpoint() {
            StateText text = new StateText(HEADER);
            Bots.save(text, bots);
            correlation.save(text);
            state.put("window", text.toString());
        }
    }
}
