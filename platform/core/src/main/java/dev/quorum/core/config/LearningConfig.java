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
 */
public record LearningConfig(Boolean enabled, List<String> horizons, Integer cadence, HealthConfig health) {

    /**
     * With the default health rules.
     *
     * @param enabled  see the record
     * @param horizons see the record
     * @param cadence  see the record
     */
    public LearningConfig(Boolean enabled, List<String> horizons, Integer cadence) {
        this(enabled, horizons, cadence, null);
    }

    private static final Pattern SPAN = Pattern.compile("([1-9][0-9]{0,5})([mhd])");
    private static final List<String> DEFAULT_HORIZONS = List.of("1h", "4h", "24h");

    /** Fills defaults and checks every value. */
    public LearningConfig {
        enabled = enabled == null || enabled;
        horizons = horizons == null ? DEFAULT_HORIZONS : List.copyOf(horizons);
        cadence = Check.range("learning.cadence", cadence, 15, 1, 100_000);
        health = health == null ? HealthConfig.defaults() : health;
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
