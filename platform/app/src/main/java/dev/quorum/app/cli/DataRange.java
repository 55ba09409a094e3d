package dev.quorum.app.cli;

import java.util.List;

import dev.quorum.core.config.QuorumConfig;
import picocli.CommandLine.Option;

/** The options that narrow a run's data ({@code --symbols}, {@code --from}, {@code --to}), for every command that runs one. */
final class DataRange {

    @Option(names = "--symbols", split = ",", paramLabel = "S", description = "Symbols to trade, comma-separated (default: data.symbols).")
    private List<String> symbols;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day, inclusive, UTC (default: data.from).")
    private String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day, inclusive, UTC (default: data.to).")
    private String to;

    /**
     * @param config a configuration
     * @return it with the data narrowed as the options say
     */
    QuorumConfig applyTo(QuorumConfig config) {
        return config.withData(config.data().with(symbols, from, to));
    }
}
