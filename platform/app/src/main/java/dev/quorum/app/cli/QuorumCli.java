package dev.quorum.app.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code quorum} command line. Exit codes: 0 success, 1 runtime failure (the message says
 * what and where), 2 usage error.
 */
@Command(name = "quorum", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A plugin platform for trading bots that vote.",
        subcommands = {RunCommand.class, BacktestCommand.class, ReplayCommand.class, BotsCommand.class, EvaluateCommand.class, ReportCommand.class, ServeCommand.class, PluginsCommand.class, ScriptsCommand.class, DataCommand.class, CommandLine.HelpCommand.class})
public final class QuorumCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (backtest, replay, bots, report, serve, plugins, scripts, data, help)");
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts in reports are drawn without a display
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given output streams, for tests.
     *
     * @param args the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new QuorumCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + message(e));
            if (Boolean.getBoolean("quorum.debug") || System.getenv("QUORUM_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cli.execute(args);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getName() : m;
    }
}
