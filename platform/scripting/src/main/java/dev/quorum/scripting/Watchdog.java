package dev.quorum.scripting;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

import org.graalvm.polyglot.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops script calls that run past their budgets. Each context's {@link Call} is registered while the
 * context lives; the calling thread marks a call's start and end ({@link #enter}, {@link #exit}: a
 * volatile write each, nothing else on the bar path); a daemon thread looks at every running call
 * every {@value #TICK_MILLIS} ms. A call seen running longer than its time budget is
 * interrupted ({@link Context#interrupt}: the context and the script's state survive); a call that
 * allocated more than its budget since it was first seen, or that runs while the heap is fuller than
 * the limit, has its context closed ({@link Context#close(boolean) close(true)}: the memory it holds
 * becomes garbage). GraalVM Community has no heap cap per context, so this is what keeps a script
 * from taking the host into an {@code OutOfMemoryError}; the time to notice is one tick plus the
 * time the guest needs to reach a safepoint (a few ms when compiled).
 */
final class Watchdog implements AutoCloseable {

    static final long TICK_MILLIS = 10;
    static final long INTERRUPT_WAIT_MILLIS = 50;

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    /** What the watchdog did to a call. */
    enum Verdict { NONE, TIME, MEMORY }

    /** The calls of one context, one after the other; registered while the context lives. */
    static final class Call {
        final Context context;
        final String script;
        long budgetNanos;
        long sequence;      // written by the calling thread before the volatile write of running
        Thread thread;
        volatile boolean running;
        volatile Verdict verdict = Verdict.NONE;
        volatile String detail = "";
        // the watchdog thread's own view of the call
        private long seenSequence = -1;
        private long since;
        private long allocatedAtStart;

        Call(Context context, String script) {
            this.context = context;
            this.script = script;
        }
    }

    private final ScriptLimits limits;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final java.util.Set<Call> calls = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private Thread thread;

    Watchdog(ScriptLimits limits) {
        this.limits = limits;
    }

    /** Watches a context's calls from now on (several threads may run calls of different contexts at once). */
    void register(Call call) {
        ensureRunning();
        calls.add(call);
    }

    /** Stops watching it (its context is closed). */
    void unregister(Call call) {
        calls.remove(call);
    }

    /** Marks the start of a call on the current thread: plain writes and one volatile write. */
    void enter(Call call, Duration budget) {
        call.budgetNanos = budget.toNanos();
        call.sequence++;
        call.thread = Thread.currentThread();
        call.verdict = Verdict.NONE;
        call.running = true;
    }

    /** Marks its end. */
    void exit(Call call) {
        call.running = false;
    }

    private void ensureRunning() {
        if (thread == null) {
            synchronized (this) {
                if (thread == null && !closed) {
                    Thread t = new Thread(this::watch, "quorum-script-watchdog");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
    }

    private void watch() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        while (!closed) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long used = -1;
            for (Call call : calls) {
                if (!call.running) {
                    continue;
                }
                long now = System.nanoTime();
                long allocated = threads.getThreadAllocatedBytes(call.thread.threadId());
                if (call.sequence != call.seenSequence) {
                    call.seenSequence = call.sequence;
                    call.since = now;
                    call.allocatedAtStart = allocated;
                    continue;
                }
                if (used < 0) {
                    used = memory.getHeapMemoryUsage().getUsed();
                }
                if (allocated - call.allocatedAtStart > limits.allocationBudgetBytes()
                        || used > limits.heapLimitFraction() * maxHeap) {
                    call.detail = String.format(java.util.Locale.ROOT, "allocated %,d MiB in one call (budget %,d MiB), heap %,d of %,d MiB used",
                            (allocated - call.allocatedAtStart) >> 20, limits.allocationBudgetBytes() >> 20, used >> 20, maxHeap >> 20);
                    call.verdict = Verdict.MEMORY;
                    log.warn("script {}: closing its context: {}", call.script, call.detail);
                    stop(call, true);
                    call.seenSequence = -1;
                } else if (now - call.since > call.budgetNanos) {
                    call.detail = "ran longer than its time budget of " + call.budgetNanos / 1_000_000 + " ms";
                    call.verdict = Verdict.TIME;
                    stop(call, false);
                    call.seenSequence = -1;
                }
            }
        }
    }

    private static void stop(Call call, boolean close) {
        try {
            if (close) {
                call.context.close(true);
            } else {
                // an interrupt keeps the context and the script's state; measured, it takes a few ms, but once in a
                // while a compiled loop did not see it for seconds, so the wait is short and closing is the fallback
                call.context.interrupt(Duration.ofMillis(INTERRUPT_WAIT_MILLIS));
            }
        } catch (java.util.concurrent.TimeoutException e) {
            call.detail = call.detail + "; the interrupt did not stop it within " + INTERRUPT_WAIT_MILLIS + " ms, so its context was closed";
            log.warn("script {}: {}", call.script, call.detail);
            try {
                call.context.close(true);
            } catch (RuntimeException ignored) {
                // already closing
            }
        } catch (RuntimeException e) {
            log.debug("script {}: stopping it: {}", call.script, e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
