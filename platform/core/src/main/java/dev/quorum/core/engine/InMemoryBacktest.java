package dev.quorum.core.engine;

import java.util.List;

import dev.quorum.api.BarStream;
import dev.quorum.api.RiskModule;
import dev.quorum.api.Strategy;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.plugin.PluginErrors;
import dev.quorum.core.plugin.Registered;

/**
 * The engine without the store: bars from any stream, fills and trades to any sink. Used by the
 * benchmark to time the engine alone; {@link BacktestRunner} is the same engine with the H2 store
 * and journal around it.
 */
public final class InMemoryBacktest {

    private InMemoryBacktest() {
    }

    /**
     * @param config      the configuration (data.symbols and data.timeframe say what the stream holds)
     * @param strategies  the strategies the bots may use
     * @param riskModules the risk modules the chain may use
     * @param bars        the bars, in time order
     * @param sink        receives fills and trades
     * @param errors      where plugin errors are counted
     * @return what the engine reports
     */
    public static EngineResult run(QuorumConfig config, List<Registered<Strategy>> strategies,
                                   List<Registered<RiskModule>> riskModules, BarStream bars, RunSink sink,
                                   PluginErrors errors) {
        Assembly assembly = Assembly.of(config, strategies, riskModules, errors);
        try (bars) {
            return new Backtest(config.engine(), assembly.bots(), assembly.risk(), assembly.feeds(),
                    PaperBroker.of(config.broker()), sink).run(bars, ProgressListener.NONE);
        }
    }
}
