package dev.quorum.app.cli;

import static dev.quorum.app.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's path with scripts, in-process on a temp Quorum home: copy an example into scripts/,
 * validate it, see it vote in a backtest under its own name, backtest one alone, and get a located
 * error for a broken one without losing the others.
 */
class ScriptsCliTest {

    private static final Path ROOT = Path.of(System.getProperty("quorum.root"));

    @TempDir
    Path home;

    @BeforeEach
    void home() throws IOException {
        Files.createDirectories(home.resolve("scripts"));
        CliHome.prepare(home, config -> config.replace("to: 2018-04-06", "to: 2018-04-04"));
    }

    @AfterEach
    void clear() {
        CliHome.clear();
    }

    private void copyExample(String name) throws IOException {
        Files.copy(ROOT.resolve("scripts/examples").resolve(name), home.resolve("scripts").resolve(name));
    }

    @Test
    void aScriptDroppedIntoScriptsValidatesAndVotesUnderItsOwnName() throws IOException {
        copyExample("streak_counter.js");
        CliRun v = run("scripts", "validate", "--bars", "500");
        assertEquals(0, v.code, v.out + v.err);
        assertTrue(v.out.contains("OK      scripts/streak_counter.js: streak-reversal 1.0.0, 500 bars of BTC-USD 1m"), v.out);
        assertTrue(v.out.contains("new record streak"), "the script's log is shown: " + v.out);

        CliRun b = run("backtest");
        assertEquals(0, b.code, b.err);
        assertTrue(b.out.contains("Bots: ema-crossover, rsi-reversion, macd-cross, bollinger, streak-reversal;"), b.out);
        assertTrue(b.err.contains("scripts: 1 on the"), b.err);

        CliRun list = run("scripts", "list");
        assertEquals(0, list.code, list.err);
        assertTrue(list.out.matches("(?s).*\\nstreak-reversal +1\\.0\\.0 +ACTIVE +scripts/streak_counter\\.js.*"), list.out);
    }

    @Test
    void backtestScriptRunsThatScriptAlone() {
        CliRun r = run("backtest", "--script", ROOT.resolve("scripts/examples/volatility_breakout.js").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Bots: volatility-breakout;"), r.out);
    }

    @Test
    void aBrokenScriptIsInvalidWithItsLocationAndTheOthersStillRun() throws IOException {
        copyExample("streak_counter.js");
        Files.writeString(home.resolve("scripts/broken.js"), "const meta = { name: 'broken', version: '1' };\n"
                + "function onBar(ctx) {\n  return ctx.bar.close * ;\n}\n");
        CliRun v = run("scripts", "validate");
        assertEquals(1, v.code, v.out);
        assertTrue(v.out.contains("INVALID scripts/broken.js:3:26: SyntaxError: Expected an operand but found ;"), v.out);
        assertTrue(v.out.contains("      return ctx.bar.close * ;\n" + " ".repeat(4 + 25) + "^"), v.out);
        assertTrue(v.out.contains("OK      scripts/streak_counter.js"), v.out);
        assertTrue(v.out.contains("1 of 2 script(s) failed"), v.out);

        CliRun list = run("scripts", "list");
        assertEquals(1, list.code);
        assertTrue(list.out.contains("INVALID    scripts/broken.js\n    scripts/broken.js:3:26: SyntaxError"), list.out);

        CliRun b = run("backtest");
        assertEquals(0, b.code, b.err);
        assertTrue(b.err.contains("warning: script left out (INVALID): scripts/broken.js:3:26"), b.err);
        assertTrue(b.out.contains("streak-reversal;"), b.out);
    }

    @Test
    void aScriptThatFailsOnBarsShowsDegradedAfterTheRun() throws IOException {
        Files.writeString(home.resolve("scripts/flaky.js"), "const meta = { name: 'flaky', version: '2' };\n"
                + "let n = 0;\nfunction onBar(ctx) {\n  if (++n % 100 === 0) throw new Error('every hundredth bar');\n"
                + "  return flat('ok');\n}\n");
        CliRun b = run("backtest");
        assertEquals(0, b.code, b.err);
        CliRun list = run("scripts", "list");
        assertTrue(list.out.matches("(?s).*\\nflaky +2 +(DEGRADED|SUSPENDED) +scripts/flaky\\.js\\n    last run, bot flaky: \\d+ error"
                + ".*every hundredth bar.*"), list.out);
    }

    @Test
    void aReplaySessionShowsTheScriptsVotesAndStoresARun() throws IOException {
        copyExample("streak_counter.js");
        CliRun r = run("replay", "--speed", "0", "--status-every", "200", "--symbols", "BTC-USD");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("scripts: 1 ("), r.out);
        assertTrue(r.out.matches("(?s).*\\n2018-04-04T\\S+ +200 bars +\\{streak-reversal@BTC-USD=(LONG|SHORT|FLAT) .*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nreplay run 1 done: [\\d,]+ bars, \\d+ trades, .*"), r.out);
    }

    @Test
    @org.junit.jupiter.api.Timeout(180)
    void aPaperSessionReloadsAnEditedScriptAndKeepsTheLastGoodVersionOfABrokenOne() throws Exception {
        copyExample("streak_counter.js");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread session = new Thread(() -> exit.set(QuorumCli.execute(new String[] {"run", "--speed", "100", "--port", "0", "--exit-when-done",
                "--symbols", "BTC-USD"}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))), "quorum-run");
        session.start();
        assertTrue(Chromium.waitFor(() -> out.toString().contains("Dashboard: ") || !session.isAlive(), java.time.Duration.ofSeconds(90)),
                out + "" + err);
        Path script = home.resolve("scripts/streak_counter.js");
        Files.writeString(script, Files.readString(script) + "\n// edited during the session\n");
        assertTrue(Chromium.waitFor(() -> out.toString().contains("reload: ") && out.toString().contains("is valid; its bots run it from their next bar"),
                java.time.Duration.ofSeconds(30)), "the edit reloads: " + out);
        Files.writeString(script, "function onBar(ctx) { return buy(; }\n");
        assertTrue(Chromium.waitFor(() -> out.toString().contains("the last good version keeps running"), java.time.Duration.ofSeconds(30)),
                "a broken edit keeps the last good version: " + out);
        session.join(120_000);
        assertEquals(0, exit.get(), out + "\n" + err);
        assertTrue(out.toString().contains("session run 1 finished"), out.toString());
    }

}
