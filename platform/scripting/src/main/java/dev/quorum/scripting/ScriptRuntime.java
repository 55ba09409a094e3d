package dev.quorum.scripting;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaScript runtime shared by every script of a process: one GraalJS {@link Engine}, so that
 * contexts evaluating the same source share compiled code, and one {@link Watchdog} that stops a
 * script call running past its budgets. Contexts are built with the strictest policy GraalVM
 * Community allows ({@link SandboxPolicy#CONSTRAINED}): only members annotated
 * {@link HostAccess.Export} are visible, no host class lookup or loading, no IO, threads, processes,
 * native, polyglot or environment access, {@code load} and {@code print} off, output to a bounded log.
 *
 * <p>At start the runtime logs the name of the Truffle runtime: {@code GraalVM CE} when the optimizing
 * compiler is active, {@code Interpreted} (with the engine's own reason, loudly) when it is not, in
 * which case scripts run correctly but about 30 times slower.
 */
public final class ScriptRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScriptRuntime.class);

    /** Only what the host marks for scripts is visible to them. */
    static final HostAccess HOST_ACCESS = HostAccess.newBuilder()
            .allowAccessAnnotatedBy(HostAccess.Export.class)
            .allowMutableTargetMappings() // none; CONSTRAINED requires the call
            .build();

    private final Engine engine;
    private final ScriptLimits limits;
    private final Watchdog watchdog;
    private final List<String> engineWarnings;

    private ScriptRuntime(Engine engine, ScriptLimits limits, List<String> engineWarnings) {
        this.engine = engine;
        this.limits = limits;
        this.engineWarnings = engineWarnings;
        this.watchdog = new Watchdog(limits);
    }

    /**
     * Starts the engine (about a second on a small machine) and logs which Truffle runtime is active.
     *
     * @param limits the budgets of every script call
     * @return the runtime
     */
    public static ScriptRuntime start(ScriptLimits limits) {
        List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        Engine engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .logHandler(new EngineLog(warnings))
                .build();
        ScriptRuntime runtime = new ScriptRuntime(engine, limits, warnings);
        if (runtime.isOptimizing()) {
            log.info("scripts: JavaScript runs on the {} runtime (optimizing compiler active)", runtime.runtimeName());
        } else {
            log.warn("scripts: JavaScript runs on the {} runtime, WITHOUT the optimizing compiler: scripts work but run about"
                    + " 30x slower. {} Start the JVM with -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI"
                    + " --upgrade-module-path=<the graal-compiler folder> on JDK 25 (./quorum does this).",
                    runtime.runtimeName(), runtime.fallbackReason());
        }
        return runtime;
    }

    /** @return the Truffle runtime's name: {@code GraalVM CE} with the optimizing compiler, {@code Interpreted} without */
    public String runtimeName() {
        return engine.getImplementationName();
    }

    /** @return whether the optimizing compiler compiles scripts */
    public boolean isOptimizing() {
        return !runtimeName().toLowerCase(java.util.Locale.ROOT).contains("interpreted");
    }

    /** @return what the engine said when it fell back to the interpreter, or a note that it said nothing */
    public String fallbackReason() {
        synchronized (engineWarnings) {
            return engineWarnings.isEmpty() ? "(the engine gave no reason)" : "Engine: " + String.join(" ", engineWarnings);
        }
    }

    /** @return the budgets of every call */
    public ScriptLimits limits() {
        return limits;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    /**
     * A new sandboxed context on the shared engine.
     *
     * @param output where {@code console.log} goes
     * @return the context
     */
    Context newContext(OutputStream output) {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowAllAccess(false)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowInnerContextOptions(false)
                .allowExperimentalOptions(false)
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                .in(InputStream.nullInputStream())
                .out(output)
                .err(output)
                .build();
    }

    @Override
    public void close() {
        watchdog.close();
        engine.close(true);
    }

    /** Routes the engine's own messages to the log, keeping warnings for {@link #fallbackReason()}. */
    private static final class EngineLog extends Handler {
        private final List<String> warnings;

        EngineLog(List<String> warnings) {
            this.warnings = warnings;
        }

        @Override
        public void publish(LogRecord r) {
            String message = r.getMessage() == null ? "" : r.getMessage().replace('\n', ' ').trim();
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(message);
                log.warn("graaljs [{}]: {}", r.getLoggerName(), message);
            } else {
                log.debug("graaljs [{}]: {}", r.getLoggerName(), message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
