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
 * @since 1.0
 */
public record LearnerContext(String name, Parameters parameters, List<String> bots, StateStore state, long seed,
                             Map<String, String> groups, List<java.time.Duration> horizons) {

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
        this(name, parameters, bots, state, 0L, selfGroups(bots), List.of());
    }

    private static Map<String, String> selfGroups(List<String> bots) {
        Map<String, String> groups = new LinkedHashMap<>();
        bots.forEach(b -> groups.put(b, b));
        return groups;
    }
}
