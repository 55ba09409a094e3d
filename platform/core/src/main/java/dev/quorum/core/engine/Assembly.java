package dev.quorum.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.ParameterException;
import dev.quorum.api.Parameters;
import dev.quorum.api.PositionContext;
import dev.quorum.api.PositionManager;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskModule;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.ParameterBinder;
import dev.quorum.core.config.PositionsConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.plugin.PluginCalls;
import dev.quorum.core.plugin.PluginErrors;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.position.PositionDesk;
import dev.quorum.core.risk.RiskChain;

/**
 * Turns the configured bots and risk chain into running instances, checking every parameter
 * against what the strategy or module declares. Everything that is wrong in config is reported
 * here, before a run starts. A strategy that fails to create an instance for another reason than
 * a parameter (it throws something else) is counted against its plugin and its bot starts suspended.
 */
public final class Assembly {

    private static final Logger log = LoggerFactory.getLogger(Assembly.class);

    private final List<Bot> bots;
    private final RiskChain risk;
    private final PositionDesk positions;
    private final Map<String, SymbolFeed> feeds;

    private Assembly(List<Bot> bots, RiskChain risk, PositionDesk positions, Map<String, SymbolFeed> feeds) {
        this.bots = bots;
        this.risk = risk;
        this.positions = positions;
        this.feeds = feeds;
    }

    /**
     * Without position managers: a config that names one is refused.
     *
     * @param config      the configuration
     * @param strategies  the strategies available from started plugins
     * @param riskModules the risk modules available from started plugins
     * @param errors      where plugin errors are counted
     * @return the bots and the chain
     * @throws ConfigException naming the entry and what is wrong
     */
    public static Assembly of(QuorumConfig config, List<Registered<Strategy>> strategies,
                              List<Registered<RiskModule>> riskModules, PluginErrors errors) {
        return of(config, strategies, riskModules, List.of(), errors);
    }

    /**
     * @param config      the configuration
     * @param strategies  the strategies available from started plugins
     * @param riskModules the risk modules available from started plugins
     * @param managers    the position managers available from started plugins
     * @param errors      where plugin errors are counted
     * @return the bots, the chain and the position manager
     * @throws ConfigException naming the entry and what is wrong
     */
    public static Assembly of(QuorumConfig config, List<Registered<Strategy>> strategies,
                              List<Registered<RiskModule>> riskModules, List<Registered<PositionManager>> managers,
                              PluginErrors errors) {
        List<QuorumConfig.ConfiguredBot> botConfigs = config.configuredBots();
        if (botConfigs.isEmpty()) {
            List<QuorumConfig.ConfiguredBot> every = new ArrayList<>();
            for (Registered<Strategy> s : strategies) {
                BotConfig bc = new BotConfig(null, s.info().id(), null);
                every.add(new QuorumConfig.ConfiguredBot(bc, "bots[" + every.size() + "] '" + bc.name() + "'", List.of("bots", every.size()),
                        Map.of()));
            }
            botConfigs = every;
        }
        if (botConfigs.isEmpty()) {
            throw new ConfigException("no bots: config lists none under 'bots:' and no started plugin provides a strategy"
                    + " (see ./quorum plugins list)");
        }
        Timeframe timeframe = config.data().baseTimeframe();
        List<Resolved> resolved = new ArrayList<>();
        java.util.SortedSet<Timeframe> higher = new java.util.TreeSet<>();
        for (QuorumConfig.ConfiguredBot configured : botConfigs) {
            BotConfig bc = configured.config();
            String where = configured.where();
            List<Object> path = configured.path();
            Registered<Strategy> strategy = find(strategies, bc.strategy())
                    .orElseThrow(() -> missing(where, path, "strategy", bc.strategy(), strategies));
            Parameters params = ParameterBinder.bind(where, configured::keyOf, strategy.info(), bc);
            Resolved r = new Resolved(configured, strategy, params, declaredTimeframes(where, path, bc, strategy, timeframe, errors));
            higher.addAll(r.timeframes() == null ? List.of() : r.timeframes());
            resolved.add(r);
        }
        Map<String, SymbolFeed> feeds = new LinkedHashMap<>();
        for (String symbol : config.data().symbols()) {
            feeds.put(symbol, new SymbolFeed(symbol, timeframe, List.copyOf(higher), config.engine().historyBars()));
        }
        List<Bot> bots = new ArrayList<>();
        for (Resolved r : resolved) {
            bots.add(r.timeframes() == null
                    ? Bot.suspendedAtStart(r.config().name(), r.config().strategy(), r.strategy().pluginId(), "timeframes() failed")
                    : createBot(r, config, timeframe, feeds, errors));
        }
        HostMarkets markets = new HostMarkets(config.data().symbols(), timeframe, feeds);
        List<RiskChain.Link> links = new ArrayList<>();
        for (int i = 0; i < config.risk().size(); i++) {
            RiskConfig rc = config.risk().get(i);
            String where = "risk[" + i + "] '" + rc.name() + "'";
            List<Object> path = List.of("risk", i);
            Registered<RiskModule> module = find(riskModules, rc.module())
                    .orElseThrow(() -> missing(where, path, "risk module", rc.module(), riskModules));
            Parameters params = ParameterBinder.bind(where, path, module.info(), rc);
            RiskCheck check;
            try {
                check = module.extension().create(new RiskContext(rc.name(), params, markets));
            } catch (ParameterException e) {
                throw new ConfigException(where + ": " + e.getMessage(), List.of("risk", i, "params", e.parameter()), e);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage(), path, e);
            } catch (Throwable e) {
                // without a configured risk module the chain is not the one the operator asked for: do not trade
                PluginCalls.rethrowIfFatal(e);
                errors.record(module.pluginId(), "risk module '" + rc.name() + "' create()", PluginCalls.describe(e));
                throw new ConfigException(where + ": risk module '" + rc.module() + "' of plugin '" + module.pluginId()
                        + "' failed to start (" + PluginCalls.describe(e) + "); the run does not start without it", path, e);
            }
            if (check == null) {
                throw new ConfigException(where + ": risk module '" + rc.module() + "' of plugin '" + module.pluginId()
                        + "' returned no check from create(); the chain cannot run without it", path, null);
            }
            links.add(new RiskChain.Link(rc.name(), module.pluginId(), check));
        }
        return new Assembly(bots, new RiskChain(links, errors), positionDesk(config, managers, markets, errors), feeds);
    }

    private static PositionDesk positionDesk(QuorumConfig config, List<Registered<PositionManager>> managers, HostMarkets markets,
                                             PluginErrors errors) {
        PositionsConfig pc = config.positions();
        if (!pc.enabled()) {
            return PositionDesk.none();
        }
        String where = "positions '" + pc.manager() + "'";
        List<Object> path = List.of("positions");
        Registered<PositionManager> manager = find(managers, pc.manager())
                .orElseThrow(() -> missing(where, path, "position manager", pc.manager(), managers));
        Parameters params = ParameterBinder.bind(where, path, manager.info(), pc);
        PositionPolicy policy;
        try {
            policy = manager.extension().create(new PositionContext(pc.manager(), params, markets));
        } catch (ParameterException e) {
            throw new ConfigException(where + ": " + e.getMessage(), List.of("positions", "params", e.parameter()), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage(), path, e);
        } catch (Throwable e) {
            // positions would not be run the way the operator asked: do not trade
            PluginCalls.rethrowIfFatal(e);
            errors.record(manager.pluginId(), "position manager '" + pc.manager() + "' create()", PluginCalls.describe(e));
            throw new ConfigException(where + ": position manager of plugin '" + manager.pluginId() + "' failed to start ("
                    + PluginCalls.describe(e) + "); the run does not start without it", path, e);
        }
        if (policy == null) {
            throw new ConfigException(where + ": position manager of plugin '" + manager.pluginId()
                    + "' returned no policy from create()", path, null);
        }
        return PositionDesk.of(pc.manager(), manager.pluginId(), policy, errors, config.engine().maxBotErrors(), pc.hedging(),
                config.data().symbols());
    }

    /** A configured bot whose strategy and parameters are resolved, before its instances exist. */
    private record Resolved(QuorumConfig.ConfiguredBot configured, Registered<Strategy> strategy, Parameters params,
                            List<Timeframe> timeframes) {

        String where() {
            return configured.where();
        }

        List<Object> path() {
            return configured.path();
        }

        BotConfig config() {
            return configured.config();
        }
    }

    /**
     * The higher timeframes a strategy declares, checked against the base timeframe.
     *
     * @return the timeframes, or null when {@code timeframes()} threw (counted against the plugin)
     */
    private static List<Timeframe> declaredTimeframes(String where, List<Object> path, BotConfig bc,
                                                      Registered<Strategy> strategy, Timeframe base, PluginErrors errors) {
        List<Timeframe> declared;
        try {
            declared = List.copyOf(strategy.extension().timeframes());
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            errors.record(strategy.pluginId(), "bot '" + bc.name() + "' (" + bc.strategy() + ") timeframes()", PluginCalls.describe(e));
            log.warn("[bot {}] SUSPENDED before the run: timeframes() failed: {}", bc.name(), PluginCalls.describe(e));
            return null;
        }
        for (Timeframe tf : declared) {
            long t = tf.duration().getSeconds();
            long b = base.duration().getSeconds();
            if (t <= b || t % b != 0) {
                throw new ConfigException(where + ": strategy '" + bc.strategy() + "' reads " + tf + " bars, which cannot be built"
                        + " from the base timeframe data.timeframe = " + base + " (a higher timeframe must be a whole multiple of it)",
                        path, null);
            }
        }
        return declared;
    }

    private static Bot createBot(Resolved r, QuorumConfig config, Timeframe timeframe, Map<String, SymbolFeed> feeds,
                                 PluginErrors errors) {
        String where = r.where();
        List<Object> path = r.path();
        BotConfig bc = r.config();
        Registered<Strategy> strategy = r.strategy();
        Map<String, StrategyInstance> instances = new LinkedHashMap<>();
        for (String symbol : config.data().symbols()) {
            try {
                StrategyInstance instance = strategy.extension().create(
                        new HostStrategyContext(bc.name(), symbol, timeframe, r.params(), feeds.get(symbol)));
                if (instance == null) {
                    throw new IllegalStateException("create() returned null");
                }
                instances.put(symbol, instance);
            } catch (ParameterException e) {
                throw new ConfigException(where + ": " + e.getMessage(), r.configured().keyOf(e.parameter()), e);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage(), path, e);
            } catch (Throwable e) {
                PluginCalls.rethrowIfFatal(e);
                String error = PluginCalls.describe(e);
                errors.record(strategy.pluginId(), "bot '" + bc.name() + "' (" + bc.strategy() + ") create on " + symbol, error);
                log.warn("[bot {}] SUSPENDED before the run: create() failed: {}", bc.name(), error);
                return Bot.suspendedAtStart(bc.name(), bc.strategy(), strategy.pluginId(), "create() on " + symbol + ": " + error);
            }
        }
        return new Bot(bc.name(), bc.strategy(), strategy.pluginId(), instances, config.engine().maxBotErrors(), errors);
    }

    private static <T> Optional<Registered<T>> find(List<Registered<T>> available, String id) {
        return available.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    private static <T> ConfigException missing(String where, List<Object> path, String kind, String id,
                                               List<Registered<T>> available) {
        List<String> ids = available.stream().map(r -> r.info().id()).sorted().toList();
        List<Object> keyPath = new ArrayList<>(path);
        keyPath.add(kind.equals("strategy") ? "strategy" : kind.equals("risk module") ? "module" : "manager");
        return new ConfigException(where + ": no " + kind + " '" + id + "' among the started plugins (available: "
                + ids + "); is its plugin installed, enabled and started? see ./quorum plugins list", keyPath, null);
    }

    List<Bot> bots() {
        return bots;
    }

    Map<String, SymbolFeed> feeds() {
        return feeds;
    }

    /** @return the bot names in config order */
    public List<String> botNames() {
        return bots.stream().map(Bot::name).toList();
    }

    /** @return the position manager's desk ({@link PositionDesk#none()} without one) */
    public PositionDesk positions() {
        return positions;
    }

    /** @return the risk chain */
    public RiskChain risk() {
        return risk;
    }
}
