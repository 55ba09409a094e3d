package dev.quorum.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way out of the sandbox we know of, tried in a context built exactly as scripts get theirs:
 * each must fail (or find nothing) inside the script, and the host must be unaffected.
 */
class SandboxTest {

    private Context context;
    private BoundedLog log;

    @BeforeEach
    void open() {
        log = new BoundedLog(50);
        context = Scripts.RUNTIME.newContext(log);
        context.eval(ScriptDefinition.PRELUDE);
    }

    @AfterEach
    void close() {
        context.close(true);
    }

    private PolyglotException blocked(String code) {
        PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval("js", code), code);
        assertFalse(e.isInternalError(), code + ": " + e);
        return e;
    }

    @Test
    void noHostClassCanBeLookedUp() {
        for (String cls : new String[] {"java.lang.System", "java.io.File", "java.nio.file.Files", "java.lang.Runtime",
                "java.lang.Thread", "java.lang.ProcessBuilder", "dev.quorum.scripting.ScriptHost"}) {
            PolyglotException e = blocked("Java.type('" + cls + "')");
            assertTrue(e.getMessage().contains("not allowed") || e.getMessage().contains("not defined"), cls + ": " + e.getMessage());
        }
        blocked("Packages.java.lang.System.exit(1)");
        blocked("java.lang.Runtime.getRuntime().exec('id')");
    }

    @Test
    void filesCanBeNeitherReadNorWritten(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cret");
        String path = secret.toString().replace("\\", "/");
        blocked("load('" + path + "')");
        blocked("read('" + path + "')");
        blocked("require('fs')");
        Value promise = context.eval("js", "let outcome = 'pending'; import('" + path + "').then(() => outcome = 'imported',"
                + " (e) => outcome = 'blocked: ' + e.message); outcome");
        assertEquals("pending", promise.asString());
        String outcome = context.eval("js", "outcome").asString();
        assertTrue(outcome.startsWith("blocked"), outcome);
        blocked("Java.type('java.nio.file.Files').writeString(Java.type('java.nio.file.Path').of('" + path + "'), 'x')");
        assertEquals("s3cret", Files.readString(secret));
    }

    @Test
    void noThreadsProcessesPolyglotOrEnvironment() {
        blocked("new Worker('x.js')");
        blocked("Polyglot.eval('js', '1 + 1')");
        blocked("Polyglot.import('x')");
        blocked("process.env.PATH");
        blocked("({}).constructor.constructor('return process')().env");
        blocked("quit()");
        assertEquals("undefined", context.eval("js", "typeof Graal").asString());
    }

    @Test
    void exportedHostObjectsShowNothingButTheirExportedMembers() {
        ScriptHost host = new ScriptHost(dev.quorum.api.StrategyContext.of("b", "BTC-USD", dev.quorum.api.Timeframe.M1,
                dev.quorum.api.Parameters.none()), new ScriptMeta("x", "1", "", java.util.List.of(), java.util.List.of(),
                java.util.List.of()), log);
        context.getBindings("js").putMember("h", host);
        blocked("h.getClass().forName('java.lang.System')");
        blocked("h.bind(null)");
        assertEquals("undefined", context.eval("js", "typeof h.context").asString());
        assertEquals("BTC-USD", context.eval("js", "h.symbol()").asString());
        context.eval("js", "h.meta = 1");
        assertEquals("undefined", context.eval("js", "typeof h.meta").asString());
    }

    @Test
    void prototypePollutionStaysInItsOwnContext() {
        context.eval("js", "Object.prototype.polluted = 'yes'; Array.prototype.map = () => 'hijacked'; globalThis.leak = 42;"
                + " buy = () => 'mine';");
        Context other = Scripts.RUNTIME.newContext(new BoundedLog(5));
        try {
            other.eval(ScriptDefinition.PRELUDE);
            assertEquals("undefined", other.eval("js", "typeof ({}).polluted").asString());
            assertEquals("2,4", other.eval("js", "[1, 2].map((x) => x * 2).join(',')").asString());
            assertEquals("undefined", other.eval("js", "typeof leak").asString());
            assertEquals("LONG", other.eval("js", "buy(1).direction").asString());
        } finally {
            other.close(true);
        }
    }

    @Test
    void runawayRecursionStringsAndBuffersStopInsideTheScript() {
        assertTrue(blocked("function f() { return f() + 1; } f()").getMessage().contains("RangeError"));
        assertTrue(blocked("let s = 'x'; while (true) { s += s; }").getMessage().contains("RangeError"));
        assertTrue(blocked("'x'.repeat(2 ** 30)").getMessage().contains("RangeError"));
        assertTrue(blocked("new ArrayBuffer(2 ** 31)").getMessage().contains("RangeError"));
        assertEquals(2, context.eval("js", "1 + 1").asInt(), "the context is still usable");
    }

    @Test
    void consoleOutputGoesToTheBoundedLogOnly() {
        context.eval("js", "for (let i = 0; i < 1000; i++) console.log('line ' + i);");
        assertEquals(50, log.lines().size());
        assertEquals(950, log.dropped());
        assertTrue(log.lines().get(49).endsWith("line 999"), log.lines().get(49));
        context.eval("js", "console.log('y'.repeat(100000))");
        assertTrue(log.lines().get(49).length() < 600, "a line is cut");
    }
}
