package dev.quorum.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a learner is told when it is created.
 *
 * @param name       its name in config
 * @param parameters the validated parameter values
 * @param bots       the names of the bots in the run, in config order
 * @param state      where it keeps state across runs; empty on a fresh start
 * @param seed       the seed for any randomness it uses (from config), so that a run is repeatable
 * @param groups     each bot's group: its family's name for a family member, else its strategy's id
 * @param horizons   the horizons the bots' calls are judged at ({@link SignalOutcome#horizon()}), shortest first
 * @param learning   false while the learner is frozen (the test windows of {@code ./quorum evaluate}): it is told nothing to
 *                   learn from and saves nothing, and should act on what it knows without exploring
 * @since 1.0
 */
public record LearnerContext(String name, Parameters parameters, List<String> bots, StateStore state, long seed,
                             Map<String, String> groups, List<java.time.Duration> horizons, boolean learning) {

    /**
     * Checks for nulls and copies.
     */
    public LearnerContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(state, "state");
        bots = List.copyOf(bots);
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        horizons = horizons.stream().sorted().toList();
    }

    /**
     * The 1.0 context: seed 0, every bot in a group of its own name, no horizons.
     *
     * @param name       its name in config
     * @param parameters the validated parameter values
     * @param bots       the bots
     * @param state      its state store
     */
    public LearnerContext(String name, Parameters parameters, List<String> bots, StateStore state) {
        this(name, parameters, bots, state, 0L, selfGroups(bots), List.of(), true);
    }

    /**
     * Reads a parameter that names one of the run's horizons, such as a learner's {@code horizon}.
     *
     * @param parameter the parameter's name, for the error
     * @param value     its value: empty (or null) for the shortest horizon, else a whole number of minutes, hours or days
     *                  such as {@code 15m}, {@code 1h} or {@code 1d}
     * @return the horizon
     * @throws ParameterException naming the parameter, the value and the run's horizons when it is not one of them
     * @since 1.4
     */
    public java.time.Duration horizon(String parameter, String value) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            if (horizons.isEmpty()) {
                throw new ParameterException(parameter, value, "a horizon, but the host judges no calls in this run (no horizons)");
            }
            return horizons.get(0);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,5})([mhd])").matcher(t);
        java.time.Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "m" -> java.time.Duration.ofMinutes(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofDays(n);
            };
        }
        if (d == null || !horizons.contains(d)) {
            throw new ParameterException(parameter, value, "one of learning.horizons " + horizons.stream()
                    .map(h -> h.toDays() >= 2 && h.toHours() % 24 == 0 ? h.toDays() + "d"
                            : h.toMinutes() % 60 == 0 ? h.toHours() + "h" : h.toMinutes() + "m").toList()
                    + " (a whole number of minutes, hours or days such as 1h; empty for the shortest)");
        }
        return d;
    }

    private static Map<String, String> selfGroups(List<String> bots) {
        Map<String, String> groups = new LinkedHashMap<>();
        bots.forEach(b -> groups.put(b, b));
        return groups;
    }
}
