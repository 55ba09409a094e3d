package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.quorum.core.engine.RunStop;

/**
 * Ctrl-C (or a TERM signal) during a run: asks the run to stop at its next bar boundary, so that it is stored STOPPED
 * and resumable rather than cut off, and holds the exit until the command has finished with it (at most
 * {@link #WAIT_SECONDS} seconds).
 */
final class GracefulStop implements AutoCloseable {

    /** How long a signal waits for the run to stop and the command to finish. */
    static final long WAIT_SECONDS = 30;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private GracefulStop(RunStop stop, PrintWriter err, Runnable alsoOnSignal) {
        this.hook = new Thread(() -> {
            err.println();
            err.println("stopping: a run still going stops at its next bar and is kept STOPPED, resumable with --resume");
            err.flush();
            stop.request();
            alsoOnSignal.run();
            try {
                if (!finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    err.println("the run did not stop within " + WAIT_SECONDS + " s; exiting (it is marked FAILED at the next start)");
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "quorum-graceful-stop");
    }

    /**
     * @param stop the run's stop, requested on a signal
     * @param err  where to say what happens
     * @return the installed handler; close it when the command is done
     */
    static GracefulStop install(RunStop stop, PrintWriter err) {
        return install(stop, err, () -> { });
    }

    /**
     * @param stop         the run's stop, requested on a signal
     * @param err          where to say what happens
     * @param alsoOnSignal run on a signal too (a session that waits after its run, to stop waiting)
     * @return the installed handler; close it when the command is done
     */
    static GracefulStop install(RunStop stop, PrintWriter err, Runnable alsoOnSignal) {
        GracefulStop g = new GracefulStop(stop, err, alsoOnSignal);
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the command is done
        }
    }
}
