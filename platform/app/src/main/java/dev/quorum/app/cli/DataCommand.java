package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import dev.quorum.api.Timeframe;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.data.Coverage;
import dev.quorum.core.data.CsvBarImporter;
import dev.quorum.core.data.ImportResult;
import dev.quorum.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quorum data}: import candles and show what is stored. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Import candles into the store and list what is stored.",
        subcommands = {DataCommand.ImportCommand.class, DataCommand.ListCommand.class})
final class DataCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: import, list");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a CSV of candles (timestamp,open,high,low,close,volume; timestamp = bar open, ISO-8601 UTC).",
                    "All or nothing: on any bad line nothing is stored and the error names file:line.",
                    "Bars already stored with identical values are skipped; different values are refused."})
    static final class ImportCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;
        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        private Path file;
        @Option(names = "--symbol", required = true, paramLabel = "S", description = "The symbol the candles are for, such as BTC-USD.")
        private String symbol;
        @Option(names = "--timeframe", required = true, paramLabel = "TF", description = "The bar length, such as 1m, 5m, 1h, 1d.")
        private String timeframe;

        @Override
        public Integer call() {
            Timeframe tf;
            try {
                tf = Timeframe.parse(timeframe);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--timeframe: " + e.getMessage());
            }
            try (Database db = config.workspace().openDatabase()) {
                ImportResult result = new CsvBarImporter(db, Clock.systemUTC()).importCsv(file, symbol, tf);
                spec.commandLine().getOut().println(result.summary());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the stored candles per symbol and timeframe.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = config.workspace().openDatabase()) {
                var coverage = new CandleStore(db).coverage();
                out.printf(java.util.Locale.ROOT, "%-20s %-4s %10s  %-20s  %-20s%n", "SYMBOL", "TF", "BARS", "FIRST", "LAST");
                for (Coverage c : coverage) {
                    out.printf(java.util.Locale.ROOT, "%-20s %-4s %,10d  %-20s  %-20s%n", c.symbol(), c.timeframe(), c.bars(), c.first(), c.last());
                }
                if (coverage.isEmpty()) {
                    out.println("(nothing stored yet; ./quorum backtest imports the embedded candles on first use)");
                }
            }
            return 0;
        }
    }
}
