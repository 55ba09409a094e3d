package dev.quorum.core.config;

import java.util.List;

/**
 * The whole configuration, as read from {@code config/quorum.yaml}. Every section is optional and
 * takes documented defaults; unknown keys and out-of-range values are errors.
 *
 * @param data    which candles to replay
 * @param engine  decision and trading rules
 * @param broker  the paper broker
 * @param storage database and plugin directory
 * @param bots    the strategies that vote, in order; empty means every strategy of every started plugin with its defaults
 * @param risk    the risk chain, in order
 * @param scripts the {@code scripts} section: JavaScript strategies and their budgets
 * @param reports the {@code reports} section: the daily PDF report and its schedule
 * @param server  the {@code server} section: the HTTP server
 * @param positions the {@code positions} section: the position manager, if any
 */
public record QuorumConfig(DataConfig data, EngineConfig engine, BrokerConfig broker, StorageConfig storage,
                           List<BotConfig> bots, List<RiskConfig> risk, ScriptsConfig scripts, ReportsConfig reports,
                           ServerConfig server, PositionsConfig positions) {

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
        unique("bots", bots);
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
     * @param newBots the bots that vote
     * @return this configuration with them
     */
    public QuorumConfig withBots(List<BotConfig> newBots) {
        return new QuorumConfig(data, engine, broker, storage, newBots, risk, scripts, reports, server, positions);
    }

    /**
     * @param newRisk the risk chain, in order
     * @return this configuration with it
     */
    public QuorumConfig withRisk(List<RiskConfig> newRisk) {
        return new QuorumConfig(data, engine, broker, storage, bots, newRisk, scripts, reports, server, positions);
    }

    /**
     * @param newPositions the position manager section
     * @return this configuration with it
     */
    public QuorumConfig withPositions(PositionsConfig newPositions) {
        return new QuorumConfig(data, engine, broker, storage, bots, risk, scripts, reports, server, newPositions);
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
        return new QuorumConfig(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param newData replacement data section
     * @return a copy with another data section
     */
    public QuorumConfig withData(DataConfig newData) {
        return new QuorumConfig(newData, engine, broker, storage, bots, risk, scripts, reports, server, positions);
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
