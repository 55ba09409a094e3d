package dev.quorum.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code learning} section: which of the bots' calls are kept as predictions and when each is judged
 * ({@link dev.quorum.core.learning.OutcomeTracker}).
 *
 * @param enabled  whether predictions are recorded and judged; default true
 * @param horizons when each prediction is judged, such as {@code [1h, 4h, 24h]} (minutes {@code m}, hours {@code h},
 *                 days {@code d}); default {@code [1h, 4h, 24h]}, at most 8, each at most 30d, no two alike
 * @param cadence  bars after which a bot's unchanged call is recorded again, [1, 100000]; default 15 (the
 *                 seed's "every 15 minutes" on 1-minute bars)
 * @param health   strategy health and rehabilitation
 * @param learners the learners, in the order they are asked (each a {@link dev.quorum.api.Learner} of a started
 *                 plugin); default none: every bot votes with weight 1
 * @param weights  how the learners' multipliers become weights
 * @param seed     the seed of the learners' randomness; default 1
 * @param state    where the learners' state lives across runs: null (the default) starts every run fresh and keeps
 *                 its state under the run's id; a name (letters, digits, '.', '_', '-') resumes from the state last
 *                 saved under that name and saves there when the run ends
 */
public record LearningConfig(Boolean enabled, List<String> horizons, Integer cadence, HealthConfig health,
                             List<LearnerConfig> learners, WeightsConfig weights, Long seed, String state) {

    /**
     * With the default health rules and no learners.
     *
     * @param enabled  see the record
     * @param horizons see the record
     * @param cadence  see the record
     */
    public LearningConfig(Boolean enabled, List<String> horizons, Integer cadence) {
        this(enabled, horizons, cadence, null);
    }

    /**
     * Without learners.
     *
     * @param enabled  see the record
     * @param horizons see the record
     * @param cadence  see the record
     * @param health   see the record
     */
    public LearningConfig(Boolean enabled, List<String> horizons, Integer cadence, HealthConfig health) {
        this(enabled, horizons, cadence, health, null, null, null, null);
    }

    private static final Pattern SPAN = Pattern.compile("([1-9][0-9]{0,5})([mhd])");
    private static final List<String> DEFAULT_HORIZONS = List.of("1h", "4h", "24h");

    /** Fills defaults and checks every value. */
    public LearningConfig {
        enabled = enabled == null || enabled;
        horizons = horizons == null ? DEFAULT_HORIZONS : List.copyOf(horizons);
        cadence = Check.range("learning.cadence", cadence, 15, 1, 100_000);
        health = health == null ? HealthConfig.defaults() : health;
        learners = learners == null ? List.of() : List.copyOf(learners);
        weights = weights == null ? WeightsConfig.defaults() : weights;
        seed = seed == null ? 1L : seed;
        if (state != null && !state.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("learning.state = '" + state + "': expected a name of letters, digits, '.', '_' and '-'"
                    + " (at most 64), or no value for a fresh start on every run");
        }
        if (!enabled && !learners.isEmpty()) {
            throw new IllegalArgumentException("learning.learners: " + learners.size() + " learner(s) configured but learning.enabled is"
                    + " false; learners learn from the judged predictions, so turn learning on or remove them");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < learners.size(); i++) {
            if (!names.add(learners.get(i).name())) {
                throw new IllegalArgumentException("learning.learners[" + i + "]: the name '" + learners.get(i).name()
                        + "' is used twice; give one of them another 'name:'");
            }
        }
        if (horizons.isEmpty() || horizons.size() > 8) {
            throw new IllegalArgumentException("learning.horizons = " + horizons + ": expected 1 to 8 horizons such as [1h, 4h, 24h]");
        }
        List<Duration> seen = new ArrayList<>();
        for (String h : horizons) {
            Duration d = parse(h);
            if (seen.contains(d)) {
                throw new IllegalArgumentException("learning.horizons = " + horizons + ": " + h + " is there twice");
            }
            seen.add(d);
        }
        health.rules(horizons, seen);
    }

    /** @return every default */
    public static LearningConfig defaults() {
        return new LearningConfig(null, null, null, null);
    }

    /**
     * @param newLearners the learners
     * @return this section with other learners
     */
    public LearningConfig withLearners(List<LearnerConfig> newLearners) {
        return new LearningConfig(enabled, horizons, cadence, health, newLearners, weights, seed, state);
    }

    /**
     * @return this section watching only: predictions recorded and judged, no learners, no health rules (every bot votes
     *         with weight 1, as when the learning ensemble is not configured)
     */
    public LearningConfig watchingOnly() {
        return new LearningConfig(enabled, horizons, cadence, HealthConfig.off(), List.of(), weights, seed, state);
    }

    /**
     * @param newState the state's name, or null for a fresh start
     * @return this section keeping the learners' state elsewhere
     */
    public LearningConfig withState(String newState) {
        return new LearningConfig(enabled, horizons, cadence, health, learners, weights, seed, newState);
    }

    /**
     * @return the health rules, or empty when learning or health is off
     * @throws IllegalArgumentException when {@code health.horizon} is not one of the horizons
     */
    public java.util.Optional<dev.quorum.core.learning.HealthRules> healthRules() {
        return enabled && health.enabled() ? java.util.Optional.of(health.rules(horizons, horizonDurations())) : java.util.Optional.empty();
    }

    /** @return the horizons as durations, in the order given */
    public List<Duration> horizonDurations() {
        return horizons.stream().map(LearningConfig::parse).toList();
    }

    private static Duration parse(String text) {
        return parse("learning.horizons", text);
    }

    static Duration parse(String key, String text) {
        Matcher m = text == null ? null : SPAN.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a horizon: expected a whole number of minutes,"
                    + " hours or days such as 15m, 4h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException(key + ": " + text + " is longer than 30d");
        }
        return d;
    }
}
