package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.ProgressListener;

/** Prints replay progress to standard error once a run has taken more than a second. */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private final Instant from;
    private final Instant to;
    private boolean printed;

    ConsoleProgress(PrintWriter err, QuorumConfig config) {
        this.err = err;
        this.from = config.data().fromDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.to = config.data().toDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public void progress(long barsProcessed, Instant engineTime) {
        long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
        if (elapsedMs < 1000) {
            return;
        }
        double share = (double) Duration.between(from, engineTime).toMillis() / Duration.between(from, to).toMillis();
        err.printf(Locale.ROOT, "  replaying: %,d bars, engine time %s (%.0f%%), %.1f s%n", barsProcessed, engineTime,
                Math.min(100, share * 100), elapsedMs / 1000.0);
        err.flush();
        printed = true;
    }

    void done() {
        if (printed) {
            err.printf(Locale.ROOT, "  replay done in %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
            err.flush();
        }
    }
}
