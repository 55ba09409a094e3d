package dev.quorum.scripting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A script file read, evaluated once in a sandboxed context and checked: it parses, its top level
 * runs within the setup budget, {@code meta} is valid and {@code onBar} is a function. Instances then
 * evaluate the same {@link Source} in contexts of their own, so they share its compiled code.
 */
public final class ScriptDefinition {

    /** The framework, the same source in every context. */
    static final Source PRELUDE = resource("quorum-prelude.js");
    static final Source EXPORTS = Source.create("js", "(typeof meta === 'undefined' ? undefined : meta)");
    static final Source HAS_ON_BAR = Source.create("js", "typeof onBar === 'function' ? true : typeof onBar");
    static final Source BIND = Source.create("js",
            "(host) => __quorum.bind(host, onBar, typeof init === 'function' ? init : undefined)");

    private final Path file;
    private final String displayName;
    private final String text;
    private final Source source;
    private final ScriptMeta meta;

    private ScriptDefinition(Path file, String displayName, String text, Source source, ScriptMeta meta) {
        this.file = file;
        this.displayName = displayName;
        this.text = text;
        this.source = source;
        this.meta = meta;
    }

    /**
     * Reads and checks a script.
     *
     * @param runtime     the runtime
     * @param file        the file
     * @param displayName how errors name it, such as {@code scripts/my_signal.js}
     * @return the checked script
     * @throws ScriptException located in the file, with the offending line where there is one
     */
    public static ScriptDefinition load(ScriptRuntime runtime, Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ScriptException.of(displayName, "cannot be read: " + e);
        }
        return of(runtime, file, displayName, text);
    }

    /**
     * Checks a script given as text.
     *
     * @param runtime     the runtime
     * @param file        where it came from (for reloads), may be null
     * @param displayName how errors name it
     * @param text        the source
     * @return the checked script
     */
    public static ScriptDefinition of(ScriptRuntime runtime, Path file, String displayName, String text) {
        Source source = Source.newBuilder("js", text, displayName).buildLiteral();
        BoundedLog log = new BoundedLog(runtime.limits().logLines());
        Context context = runtime.newContext(log);
        Watchdog.Call call = new Watchdog.Call(context, displayName);
        runtime.watchdog().register(call);
        try {
            Value meta = guarded(runtime, call, displayName, () -> {
                context.eval(PRELUDE);
                context.eval(source);
                return context.eval(EXPORTS);
            });
            ScriptMeta parsed = ScriptMeta.read(displayName, meta.isNull() ? null : meta);
            Value hasOnBar = context.eval(HAS_ON_BAR);
            if (!hasOnBar.isBoolean()) {
                throw ScriptException.of(displayName, "onBar is " + hasOnBar.asString() + ": declare function onBar(ctx) { ... return"
                        + " buy(0.8, 'why'); } at the top level");
            }
            return new ScriptDefinition(file, displayName, text, source, parsed);
        } finally {
            runtime.watchdog().unregister(call);
            context.close(true);
        }
    }

    /** Runs setup code (top level, init) under the watchdog with the setup budget. */
    static <T> T guarded(ScriptRuntime runtime, Watchdog.Call call, String displayName, java.util.function.Supplier<T> work) {
        Watchdog watchdog = runtime.watchdog();
        Duration budget = runtime.limits().setupBudget();
        watchdog.enter(call, budget);
        try {
            return work.get();
        } catch (PolyglotException e) {
            throw ScriptInstance.failure(displayName, call, e, "while setting up");
        } finally {
            watchdog.exit(call);
        }
    }

    private static Source resource(String name) {
        try (InputStream in = ScriptDefinition.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the scripting module");
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file, or null for a script given as text */
    public Path file() {
        return file;
    }

    /** @return how errors name it */
    public String displayName() {
        return displayName;
    }

    /** @return the source text */
    public String text() {
        return text;
    }

    Source source() {
        return source;
    }

    /** @return its metadata */
    public ScriptMeta meta() {
        return meta;
    }
}
