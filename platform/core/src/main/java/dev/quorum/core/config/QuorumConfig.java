package dev.quorum.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole configuration, as read from {@code config/quorum.yaml}. Every section is optional and
 * takes documented defaults; unknown keys and out-of-range values are errors.
 *
 * @param data    which candles to replay
 * @param engine  decision and trading rules
 * @param broker  the paper broker
 * @param storage database and plugin directory
 * @param bots    the strategies that vote, in order; empty, without families, means every strategy of every started
 *                plugin with its defaults
 * @param risk    the risk chain, in order
 * @param scripts the {@code scripts} section: JavaScript strategies and their budgets
 * @param reports the {@code reports} section: the daily PDF report and its schedule
 * @param server  the {@code server} section: the HTTP server
 * @param positions the {@code positions} section: the position manager, if any
 * @param families  bot families: one strategy with many parameter sets, each a bot (after those of {@code bots})
 * @param learning  the {@code learning} section: the bots' predictions and when they are judged
 */
public record QuorumConfig(DataConfig data, EngineConfig engine, BrokerConfig broker, StorageConfig storage,
                           List<BotConfig> bots, List<RiskConfig> risk, ScriptsConfig scripts, ReportsConfig reports,
                           ServerConfig server, PositionsConfig positions, List<FamilyConfig> families, LearningConfig learning) {

    /**
     * A configured bot, from {@code bots} or a member of a family, with where it comes from for error messages.
     *
     * @param config the bot
     * @param where  how a message names it, such as {@code bots[0] 'ema'} or {@code families[1] 'rsi' bot 'rsi-14-30'}
     * @param path   its config key, such as {@code ["bots", 0]} or {@code ["families", 1]}
     * @param keys   for a family member, each parameter's config key ({@code ["families", 1, "grid", "fast", 0]});
     *               empty for a bot of {@code bots}, whose parameters are under {@code params}
     */
    public record ConfiguredBot(BotConfig config, String where, List<Object> path, java.util.Map<String, List<Object>> keys) {

        /** Copies. */
        public ConfiguredBot {
            path = List.copyOf(path);
            keys = java.util.Map.copyOf(keys);
        }

        /**
         * @param parameter a parameter name
         * @return the config key of its value (where an error about it is shown)
         */
        public List<Object> keyOf(String parameter) {
            List<Object> key = keys.get(parameter);
            if (key != null) {
                return key;
            }
            List<Object> under = new ArrayList<>(path);
            under.add("params");
            under.add(parameter);
            return under;
        }
    }

    /**
     * A configuration without bot families.
     *
     * @param data      see the record
     * @param engine    see the record
     * @param broker    see the record
     * @param storage   see the record
     * @param bots      see the record
     * @param risk      see the record
     * @param scripts   see the record
     * @param reports   see the record
     * @param server    see the record
     * @param positions see the record
     */
    public QuorumConfig(DataConfig data, EngineConfig engine, BrokerConfig broker, StorageConfig storage,
                        List<BotConfig> bots, List<RiskConfig> risk, ScriptsConfig scripts, ReportsConfig reports,
                        ServerConfig server, PositionsConfig positions) {
        this(data, engine, broker, storage, bots, risk, scripts, reports, server, positions, null, null);
    }

    /**
     * A configuration with the default {@code learning} section.
     *
     * @param data      see the record
     * @param engine    see the record
     * @param broker    see the record
     * @param storage   see the record
     * @param bots      see the record
     * @param risk      see the record
     * @param scripts   see the record
     * @param reports   see the record
     * @param server    see the record
     * @param positions see the record
     * @param families  see the record
     */
    public QuorumConfig(DataConfig data, EngineConfig engine, BrokerConfig broker, StorageConfig storage,
                        List<BotConfig> bots, List<RiskConfig> risk, ScriptsConfig scripts, ReportsConfig reports,
                        ServerConfig server, PositionsConfig positions, List<FamilyConfig> families) {
        this(data, engine, broker, storage, bots, risk, scripts, reports, server, positions, families, null);
    }

    /** Applies defaults, checks names are unique and that the engine's equity resolution fits the base timeframe. */
    public QuorumConfig {
        data = data == null ? new DataConfig(null, null, null, null, null) : data;
        engine = engine == null ? EngineConfig.defaults() : engine;
        broker = broker == null ? BrokerConfig.defaults() : broker;
        storage = storage == null ? StorageConfig.defaults() : storage;
        bots = bots == null ? List.of() : List.copyOf(bots);
        risk = risk == null ? List.of() : List.copyOf(risk);
        scripts = scripts == null ? ScriptsConfig.defaults() : scripts;
        reports = reports == null ? ReportsConfig.defaults() : reports;
        server = server == null ? ServerConfig.defaults() : server;
        positions = positions == null ? PositionsConfig.none() : positions;
        families = families == null ? List.of() : List.copyOf(families);
        learning = learning == null ? LearningConfig.defaults() : learning;
        unique("bots", bots);
        uniqueBots(bots, families);
        unique("risk", risk);
        engine.checkAgainst(data.baseTimeframe());
    }

    /**
     * A configuration with the default {@code scripts} section.
     *
     * @param data    see the record
     * @param engine  see the record
     * @param broker  see the record
     * @param storage see the record
     * @param bots    see the record
     * @param risk    see the record
     */
    public QuorumConfig(DataConfig data, EngineConfig engine, BrokerConfig broker, StorageConfig storage,
                        List<BotConfig> bots, List<RiskConfig> risk) {
        this(data, engine, broker, storage, bots, risk, null, null, null, null);
    }

    /**
     * A configuration with the default {@code reports} and {@code server} sections.
     *
     * @param data    see the record
     * @param engine  see the record
     * @param broker  see the record
     * @param storage see the record
     * @param bots    see the record
     * @param risk    see the record
     * @param scripts see the record
     */
    public QuorumConfig(DataConfig data, EngineConfig engine, BrokerConfig broker, StorageConfig storage,
                        List<BotConfig> bots, List<RiskConfig> risk, ScriptsConfig scripts) {
        this(data, engine, broker, storage, bots, risk, scripts, null, null);
    }

    /**
     * @param newBots the bots that vote, instead of those of {@code bots} and the families
     * @return this configuration with them
     */
    public QuorumConfig withBots(List<BotConfig> newBots) {
        return new QuorumConfig(data, engine, broker, storage, newBots, risk, scripts, reports, server, positions, List.of(), learning);
    }

    /**
     * @param more bots to add after those of {@code bots} (before the families' members)
     * @return this configuration with them
     */
    public QuorumConfig withAddedBots(List<BotConfig> more) {
        List<BotConfig> all = new ArrayList<>(bots);
        all.addAll(more);
        return new QuorumConfig(data, engine, broker, storage, all, risk, scripts, reports, server, positions, families, learning);
    }

    /**
     * @param newLearning the learning section
     * @return this configuration with it
     */
    public QuorumConfig withLearning(LearningConfig newLearning) {
        return new QuorumConfig(data, engine, broker, storage, bots, risk, scripts, reports, server, positions, families, newLearning);
    }

    /**
     * @param newEngine the engine section
     * @return this configuration with another engine section
     */
    public QuorumConfig withEngine(EngineConfig newEngine) {
        return new QuorumConfig(data, newEngine, broker, storage, bots, risk, scripts, reports, server, positions, families, learning);
    }

    /**
     * @param newRisk the risk chain, in order
     * @return this configuration with it
     */
    public QuorumConfig withRisk(List<RiskConfig> newRisk) {
        return new QuorumConfig(data, engine, broker, storage, bots, newRisk, scripts, reports, server, positions, families, learning);
    }

    /**
     * @param newPositions the position manager section
     * @return this configuration with it
     */
    public QuorumConfig withPositions(PositionsConfig newPositions) {
        return new QuorumConfig(data, engine, broker, storage, bots, risk, scripts, reports, server, newPositions, families, learning);
    }

    /**
     * A configuration without a position manager.
     *
     * @param data    see the record
     * @param engine  see the record
     * @param broker  see the record
     * @param storage see the record
     * @param bots    see the record
     * @param risk    see the record
     * @param scripts see the record
     * @param reports see the record
     * @param server  see the record
     */
    public QuorumConfig(DataConfig data, EngineConfig engine, BrokerConfig broker, StorageConfig storage,
                        List<BotConfig> bots, List<RiskConfig> risk, ScriptsConfig scripts, ReportsConfig reports,
                        ServerConfig server) {
        this(data, engine, broker, storage, bots, risk, scripts, reports, server, null);
    }

    /** @return the configuration with every default */
    public static QuorumConfig defaults() {
        return new QuorumConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Every bot that votes: those of {@code bots}, then each family's members, with where each comes from.
     *
     * @return the bots in that order
     */
    public List<ConfiguredBot> configuredBots() {
        List<ConfiguredBot> all = new ArrayList<>();
        for (int i = 0; i < bots.size(); i++) {
            all.add(new ConfiguredBot(bots.get(i), "bots[" + i + "] '" + bots.get(i).name() + "'", List.of("bots", i), java.util.Map.of()));
        }
        for (int f = 0; f < families.size(); f++) {
            FamilyConfig family = families.get(f);
            for (FamilyConfig.Member m : family.members()) {
                java.util.Map<String, List<Object>> keys = new java.util.LinkedHashMap<>();
                int index = f;
                m.keys().forEach((param, key) -> {
                    List<Object> full = new ArrayList<>(List.of("families", index));
                    full.addAll(key);
                    keys.put(param, full);
                });
                all.add(new ConfiguredBot(m.bot(), "families[" + f + "] '" + family.name() + "' bot '" + m.bot().name() + "'",
                        List.of("families", f), keys));
            }
        }
        return all;
    }

    /**
     * @param bot a bot's name
     * @return the name of the family it is a member of, or empty for a bot of {@code bots} (or none)
     */
    public java.util.Optional<String> familyOf(String bot) {
        for (FamilyConfig family : families) {
            for (FamilyConfig.Member m : family.members()) {
                if (m.bot().name().equals(bot)) {
                    return java.util.Optional.of(family.name());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** @return every bot that votes, those of {@code bots} first, then each family's members */
    public List<BotConfig> allBots() {
        return configuredBots().stream().map(ConfiguredBot::config).toList();
    }

    /** A trade records its voters' names, comma-separated, in at most this many characters. */
    private static final int VOTERS_TEXT = 4000;

    private static void uniqueBots(List<BotConfig> bots, List<FamilyConfig> families) {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        bots.forEach(b -> seen.put(b.name(), "in bots"));
        long text = bots.stream().mapToLong(b -> b.name().length() + 1).sum();
        java.util.Set<String> familyNames = new java.util.HashSet<>();
        for (FamilyConfig family : families) {
            if (!familyNames.add(family.name())) {
                throw new IllegalArgumentException("families: the name '" + family.name() + "' is used twice; give each family a distinct 'name:'");
            }
            for (FamilyConfig.Member m : family.members()) {
                text += m.bot().name().length() + 1;
                String before = seen.putIfAbsent(m.bot().name(), "of family '" + family.name() + "'");
                if (before != null) {
                    throw new IllegalArgumentException("families: family '" + family.name() + "' makes a bot named '" + m.bot().name()
                            + "', which is already a bot " + before + "; rename the family or the bot");
                }
            }
        }
        if (text - 1 > VOTERS_TEXT) {
            throw new IllegalArgumentException("families: the " + seen.size() + " bots' names take " + (text - 1) + " characters together;"
                    + " a trade records its voters' names in at most " + VOTERS_TEXT + ": use fewer bots or shorter family names");
        }
    }

    /**
     * @param newData replacement data section
     * @return a copy with another data section
     */
    public QuorumConfig withData(DataConfig newData) {
        return new QuorumConfig(newData, engine, broker, storage, bots, risk, scripts, reports, server, positions, families, learning);
    }

    private static void unique(String list, List<? extends ComponentConfig> items) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ComponentConfig item : items) {
            if (!seen.add(item.name())) {
                throw new IllegalArgumentException(list + ": the name '" + item.name()
                        + "' is used twice; give each entry a distinct 'name:'");
            }
        }
    }
}
