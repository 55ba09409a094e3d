package dev.quorum.core.engine;

import java.util.List;

import dev.quorum.api.Trade;
import dev.quorum.core.analytics.Performance;
import dev.quorum.core.data.ImportResult;

/**
 * Everything a finished backtest reports, all read back from the store.
 *
 * @param runId          the run id
 * @param result         what the engine reported
 * @param trades         the trades as stored
 * @param performance    the whole run's figures, computed by the metrics module from the stored trades and equity curve
 * @param tradeLogSha256 the hash of the canonical trade log
 * @param imports        embedded candle files imported before the run (first use only)
 */
public record BacktestReport(long runId, EngineResult result, List<Trade> trades, Performance performance, String tradeLogSha256,
                             List<ImportResult> imports) {

    /** Copies. */
    public BacktestReport {
        trades = List.copyOf(trades);
        imports = List.copyOf(imports);
    }

    /** @return the bots that were suspended during the run */
    public List<BotReport> suspendedBots() {
        return result.bots().stream().filter(BotReport::suspended).toList();
    }
}
