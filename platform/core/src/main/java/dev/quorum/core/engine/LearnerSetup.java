package dev.quorum.core.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Learner;
import dev.quorum.api.LearnerContext;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Parameters;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.LearnerConfig;
import dev.quorum.core.config.ParameterBinder;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.journal.StoredLearnerState;
import dev.quorum.core.learning.LearnerDesk;
import dev.quorum.core.plugin.PluginCalls;
import dev.quorum.core.plugin.PluginErrors;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.store.Database;

/**
 * The configured learners ({@code learning.learners}) in two steps: {@link #resolve} checks every entry against the
 * started plugins and binds its parameters before a run starts (a mistake is a {@link ConfigException} naming the
 * entry, the key, the value and what was expected); {@link #create} makes their instances for the run, each with its
 * state store.
 *
 * <p>A learner whose {@code create} fails (other than on a parameter) while its saved state exists is taken to have found
 * that state unreadable:
 * the state is kept aside under the scope {@code <scope>.unreadable}, a warning names the table and the scope, and
 * the learner starts fresh (a second failure is the plugin's, and the run does not start without the learner the
 * operator asked for).
 */
public final class LearnerSetup {

    private static final Logger log = LoggerFactory.getLogger(LearnerSetup.class);

    /** A configured learner whose extension and parameters are resolved. */
    private record Resolved(LearnerConfig config, Registered<Learner> learner, Parameters params, String where, List<Object> path) {
    }

    private final List<Resolved> resolved;

    private LearnerSetup(List<Resolved> resolved) {
        this.resolved = resolved;
    }

    /**
     * @param config   the configuration
     * @param learners the learners of started plugins
     * @return the resolved learners (none when learning is off)
     * @throws ConfigException naming the entry and what is wrong
     */
    public static LearnerSetup resolve(QuorumConfig config, List<Registered<Learner>> learners) {
        List<Resolved> all = new ArrayList<>();
        List<LearnerConfig> configured = config.learning().enabled() ? config.learning().learners() : List.of();
        for (int i = 0; i < configured.size(); i++) {
            LearnerConfig lc = configured.get(i);
            int index = i;
            String where = "learning.learners[" + i + "] '" + lc.name() + "'";
            List<Object> path = List.of("learning", "learners", i);
            Registered<Learner> learner = learners.stream().filter(r -> r.info().id().equals(lc.learner())).findFirst()
                    .orElseThrow(() -> new ConfigException(where + ": no learner '" + lc.learner() + "' among the started plugins"
                            + " (available: " + learners.stream().map(r -> r.info().id()).sorted().toList() + "); is its plugin"
                            + " installed, enabled and started? see ./quorum plugins list", List.of("learning", "learners", index, "learner"), null));
            all.add(new Resolved(lc, learner, ParameterBinder.bind(where, path, learner.info(), lc), where, path));
        }
        return new LearnerSetup(List.copyOf(all));
    }

    /** @return whether any learner is configured */
    public boolean isEmpty() {
        return resolved.isEmpty();
    }

    /**
     * Makes the learners' instances for a run.
     *
     * @param config    the configuration
     * @param bots      the run's bots, in vote order
     * @param database  where their state lives
     * @param scope     the state's scope
     * @param wallClock stamps saved state
     * @param learning  false for a frozen run (the learners are told so: {@link LearnerContext#learning()})
     * @param errors    where failures are counted
     * @return the members, in config order
     * @throws ConfigException when a learner cannot start (its parameters, or its plugin fails)
     */
    List<LearnerDesk.Member> create(QuorumConfig config, List<Bot> bots, Database database, String scope, Clock wallClock,
                                    boolean learning, PluginErrors errors) {
        List<String> names = bots.stream().map(Bot::name).toList();
        Map<String, String> groups = groups(config, bots);
        List<LearnerDesk.Member> members = new ArrayList<>();
        for (Resolved r : resolved) {
            StoredLearnerState state = new StoredLearnerState(database, scope, r.config().name(), wallClock);
            LearnerInstance instance = start(r, state, names, groups, config.learning().seed(),
                    config.learning().horizonDurations(), learning, errors);
            members.add(new LearnerDesk.Member(r.config().name(), r.learner().pluginId(), instance));
        }
        return members;
    }

    /** @return each bot's group: its family's name for a family member, else its strategy's id */
    static Map<String, String> groups(QuorumConfig config, List<Bot> bots) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (Bot b : bots) {
            groups.put(b.name(), config.familyOf(b.name()).orElse(b.strategyId()));
        }
        return groups;
    }

    /**
     * @param config the configuration
     * @param bots   the run's bots, in vote order
     * @return each bot's base weight from {@code learning.weights.groups} (1 for a bot of no group listed)
     * @throws ConfigException naming a group no bot of the run is in
     */
    static double[] baseWeights(QuorumConfig config, List<Bot> bots) {
        Map<String, Double> weights = config.learning().weights().groups();
        Map<String, String> groups = groups(config, bots);
        for (String group : weights.keySet()) {
            if (!groups.containsValue(group)) {
                throw new ConfigException("learning.weights.groups: no bot of the run is in group '" + group + "' (the groups are "
                        + new java.util.TreeSet<>(groups.values()) + ": a family's name, or a strategy's id for the bots of 'bots:')",
                        List.of("learning", "weights", "groups", group), null);
            }
        }
        double[] base = new double[bots.size()];
        for (int i = 0; i < base.length; i++) {
            base[i] = weights.getOrDefault(groups.get(bots.get(i).name()), 1.0);
        }
        return base;
    }

    private static LearnerInstance start(Resolved r, StoredLearnerState state, List<String> bots, Map<String, String> groups, long seed,
                                         List<java.time.Duration> horizons, boolean learning, PluginErrors errors) {
        Map<String, String> saved = state.all();
        try {
            return created(r, new LearnerContext(r.config().name(), r.params(), bots, state, seed, groups, horizons, learning));
        } catch (ParameterException e) {
            throw new ConfigException(r.where() + ": " + e.getMessage(), List.of("learning", "learners", r.path().get(2), "params",
                    e.parameter()), e);
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            if (saved.isEmpty() && e instanceof IllegalArgumentException) {
                throw new ConfigException(r.where() + ": " + e.getMessage(), r.path(), e);
            }
            if (saved.isEmpty()) {
                throw failed(r, e, errors);
            }
            String aside = state.scope() + ".unreadable";
            state.putAll(aside, saved);
            log.warn("[learner {}] its saved state (table learner_state, scope '{}', keys {}) could not be read: {}; kept aside under"
                    + " scope '{}', the learner starts fresh", r.config().name(), state.scope(), saved.keySet(), PluginCalls.describe(e), aside);
        }
        try {
            return created(r, new LearnerContext(r.config().name(), r.params(), bots, state.fresh(), seed, groups, horizons, learning));
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            throw failed(r, e, errors);
        }
    }

    private static LearnerInstance created(Resolved r, LearnerContext context) {
        LearnerInstance instance = r.learner().extension().create(context);
        if (instance == null) {
            throw new IllegalStateException("create() returned null");
        }
        return instance;
    }

    private static ConfigException failed(Resolved r, Throwable e, PluginErrors errors) {
        errors.record(r.learner().pluginId(), "learner '" + r.config().name() + "' create()", PluginCalls.describe(e));
        return new ConfigException(r.where() + ": learner '" + r.config().learner() + "' of plugin '" + r.learner().pluginId()
                + "' failed to start (" + PluginCalls.describe(e) + "); the run does not start without it", r.path(), e);
    }

    /** @return the learners' names, in config order */
    public List<String> names() {
        return resolved.stream().map(r -> r.config().name()).toList();
    }
}
