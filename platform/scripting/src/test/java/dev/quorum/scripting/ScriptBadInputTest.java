package dev.quorum.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.Signal;
import dev.quorum.core.config.BotConfig;

/** Each kind of bad script gets an error naming the file, the field or line, and the value. */
class ScriptBadInputTest {

    private static final String META = "const meta = { name: 'bad', version: '1' };\n";

    private static ScriptException rejected(String text) {
        return assertThrows(ScriptException.class, () -> Scripts.define("bad.js", text));
    }

    @Test
    void aSyntaxErrorIsLocatedWithTheLineAndACaret() {
        ScriptException e = rejected(META + "function onBar(ctx) {\n  let x = ctx.bar.close * ;\n}\n");
        assertEquals("bad.js", e.file());
        assertEquals(3, e.line());
        assertTrue(e.problem().startsWith("SyntaxError"), e.problem());
        assertEquals("  let x = ctx.bar.close * ;", e.excerpt());
        assertTrue(e.getMessage().startsWith("bad.js:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("\n    " + " ".repeat(e.column() - 1) + "^"), e.getMessage());
    }

    @Test
    void aScriptWithoutOnBarIsRejected() {
        ScriptException e = rejected(META + "function onbar(ctx) { return flat(); }\n");
        assertEquals("bad.js: onBar is undefined: declare function onBar(ctx) { ... return buy(0.8, 'why'); } at the top level",
                e.getMessage());
    }

    @Test
    void aScriptWithoutMetaIsRejected() {
        ScriptException e = rejected("function onBar(ctx) { return flat(); }\n");
        assertTrue(e.getMessage().startsWith("bad.js: meta is missing"), e.getMessage());
    }

    @Test
    void metadataOfTheWrongTypeNamesTheFieldAndTheValue() {
        assertEquals("bad.js: meta.name is 42: expected a string",
                rejected("const meta = { name: 42, version: '1' };\nfunction onBar() {}").getMessage());
        assertEquals("bad.js: meta.timeframes is \"1h\": expected an array of strings",
                rejected("const meta = { name: 'x', version: '1', timeframes: '1h' };\nfunction onBar() {}").getMessage());
        assertEquals("bad.js: meta.params.n.type is \"float\": expected \"int\", \"number\", \"boolean\" or \"choice\"",
                rejected("const meta = { name: 'x', version: '1', params: { n: { type: 'float', default: 1 } } };\nfunction onBar() {}")
                        .getMessage());
        assertEquals("bad.js: meta.colour is not a known field (known: [description, name, params, symbols, timeframes, version])",
                rejected("const meta = { name: 'x', version: '1', colour: 'red' };\nfunction onBar() {}").getMessage());
        assertTrue(rejected("const meta = { name: 'My Signal', version: '1' };\nfunction onBar() {}").getMessage()
                .startsWith("bad.js: meta.name is \"My Signal\": expected lower-case letters"));
    }

    @Test
    void aParameterDefaultOutsideItsRangeNamesTheParameterAndTheRange() {
        ScriptException e = rejected("const meta = { name: 'x', version: '1', params: { period: { type: 'int', default: 500, min: 2,"
                + " max: 200 } } };\nfunction onBar() {}");
        assertEquals("bad.js: meta.params.period: default 500 is out of range [2, 200] (allowed: an integer in [2, 200])", e.getMessage());
        assertEquals("bad.js: meta.params.period.default is 2.5: expected a whole number for an int parameter",
                rejected("const meta = { name: 'x', version: '1', params: { period: { type: 'int', default: 2.5 } } };\n"
                        + "function onBar() {}").getMessage());
    }

    @Test
    void anExceptionAtTheTopLevelIsLocated() {
        ScriptException e = rejected(META + "function onBar() {}\nthrow new Error('not today');\n");
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("not today"), e.problem());
    }

    /** Results that are not signals: each bar's vote is dropped (FLAT) and counted; the run goes on. */
    @Test
    void aResultThatIsNotASignalIsDroppedAndCountedNamingTheValue() {
        List<Bar> bars = Scripts.candles("coinbase_BTC-USD_1m.csv", "BTC-USD", Instant.parse("2018-04-04T00:00:00Z"),
                Instant.parse("2018-04-04T00:10:00Z"));
        String script = "const meta = { name: 'odd', version: '1' };\n"
                + "let n = 0;\n"
                + "function onBar(ctx) {\n"
                + "  n++;\n"
                + "  if (n === 1) return null;\n"
                + "  if (n === 2) return 'LONG';\n"
                + "  if (n === 3) return { direction: 'LONG', confidence: 1.3 };\n"
                + "  if (n === 4) return { direction: 'LONG', confidence: NaN };\n"
                + "  if (n === 5) return { direction: 'UP' };\n"
                + "  if (n === 6) return buy(1, 'ok', { stopLoss: -5 });\n"
                + "  return buy(0.5, 'fine');\n"
                + "}\n";
        ScriptStrategy s = new ScriptStrategy(Scripts.RUNTIME, Scripts.define("odd.js", script));
        Scripts.Run run;
        try (s) {
            run = Scripts.backtest(bars, List.of(new BotConfig("odd", "odd", null)), List.of(s));
        }
        List<String> errors = run.errors();
        assertEquals(6, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("odd.js: onBar returned null instead of a signal object"), errors.get(0));
        assertTrue(errors.get(1).contains("onBar returned \"LONG\" instead of a signal object"), errors.get(1));
        assertTrue(errors.get(2).contains("signal.confidence is 1.3, expected a number in [0, 1]"), errors.get(2));
        assertTrue(errors.get(3).contains("signal.confidence is NaN, expected a number in [0, 1]"), errors.get(3));
        assertTrue(errors.get(4).contains("signal.direction is \"UP\", expected \"LONG\", \"SHORT\" or \"FLAT\""), errors.get(4));
        assertTrue(errors.get(5).contains("signal.stopLoss is -5, expected a price > 0 or nothing"), errors.get(5));
        List<Signal> seen = run.signals().get(0);
        assertEquals(bars.size(), seen.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(null, seen.get(i), "bar " + i + " has no vote");
        }
        for (int i = 6; i < seen.size(); i++) {
            assertEquals(0.5, seen.get(i).confidence(), "bar " + i + " votes again");
        }
    }

    @Test
    void anErrorInOnBarIsLocatedAtTheScriptLine() {
        List<Bar> bars = Scripts.candles("coinbase_BTC-USD_1m.csv", "BTC-USD", Instant.parse("2018-04-04T00:00:00Z"),
                Instant.parse("2018-04-04T00:05:00Z"));
        String script = META.replace("'bad'", "'boom'") + "function onBar(ctx) {\n  return ctx.nothing.value;\n}\n";
        ScriptStrategy s = new ScriptStrategy(Scripts.RUNTIME, Scripts.define("boom.js", script));
        Scripts.Run run;
        try (s) {
            run = Scripts.backtest(bars, List.of(new BotConfig("boom", "boom", null)), List.of(s));
        }
        assertTrue(run.errors().get(0).contains("boom.js:3:"), run.errors().get(0));
        assertTrue(run.errors().get(0).contains("TypeError"), run.errors().get(0));
    }
}
