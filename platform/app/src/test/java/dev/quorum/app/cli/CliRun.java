package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in-process, as the command-line tests run it: its exit code, standard output and error. */
final class CliRun {

    /** The exit code. */
    final int code;
    /** What it printed on standard output. */
    final String out;
    /** What it printed on standard error. */
    final String err;

    private CliRun(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    /**
     * @param args the arguments, such as {@code "backtest", "--symbols", "BTC-USD"}
     * @return how it ended
     */
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuorumCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
