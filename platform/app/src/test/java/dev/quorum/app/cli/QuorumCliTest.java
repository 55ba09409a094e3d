package dev.quorum.app.cli;

import static dev.quorum.app.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it, in-process: a Quorum home in a temp directory with the shipped
 * config, the distribution's bundled plugin zips, the embedded candles, a real H2 file database.
 */
class QuorumCliTest {

    private static final Path ROOT = Path.of(System.getProperty("quorum.root"));
    private static final Pattern HASH = Pattern.compile("trade log sha256: ([0-9a-f]{64})");

    @TempDir
    Path home;

    @BeforeEach
    void home() throws IOException {
        CliHome.prepare(home, config -> config);
    }

    @AfterEach
    void clear() {
        CliHome.clear();
    }

    @Test
    void backtestPrintsTheSummaryAndTheSameHashTwice() {
        CliRun first = run("backtest");
        assertEquals(0, first.code, first.err);
        assertTrue(first.out.contains("Run 1: backtest of BTC-USD, ETH-USD, LTC-USD 1m, 2018-04-04 .. 2018-04-06"), first.out);
        for (String row : new String[] {"trades", "win rate", "profit factor", "net PnL", "max drawdown", "Sharpe", "exposure"}) {
            assertTrue(first.out.contains("  " + row), "summary row " + row + ": " + first.out);
        }
        assertTrue(first.out.contains("Suspended bots: none"), first.out);
        CliRun second = run("backtest");
        assertEquals(0, second.code, second.err);
        assertTrue(second.out.contains("Run 2:"), second.out);
        assertEquals(hash(first.out), hash(second.out));
        assertTrue(Files.isRegularFile(home.resolve("var/db/quorum.mv.db")), "the store is an H2 file under var/db");
    }

    @Test
    void aBacktestStoppedPartWayResumesToTheSameTradeLogAsAnUninterruptedOne() {
        CliRun whole = run("backtest");
        assertEquals(0, whole.code, whole.err);
        CliRun stopped = run("backtest", "--stop-at", "2018-04-05T10:00");
        assertEquals(0, stopped.code, stopped.err);
        assertTrue(stopped.out.contains("Run 2 stopped at 2018-04-05T10:00:00Z (engine time, the close of its last bar) after 4,823 bars"),
                stopped.out);
        assertTrue(stopped.out.contains("Resume it with: ./quorum backtest --resume 2"), stopped.out);
        assertFalse(stopped.out.contains("trade log sha256"), "a stopped run has no final trade log yet: " + stopped.out);
        CliRun resumed = run("backtest", "--resume", "2");
        assertEquals(0, resumed.code, resumed.err);
        assertTrue(resumed.out.contains("Run 2: backtest of BTC-USD, ETH-USD, LTC-USD 1m"), resumed.out);
        assertEquals(hash(whole.out), hash(resumed.out));

        CliRun again = run("backtest", "--resume", "2");
        assertEquals(1, again.code);
        assertTrue(again.err.contains("run 2 is FINISHED, not STOPPED"), again.err);
        CliRun badTime = run("backtest", "--stop-at", "2018-04-05 10:00");
        assertEquals(1, badTime.code);
        assertTrue(badTime.err.contains("--stop-at 2018-04-05 10:00: not a date-time; expected UTC such as 2018-04-05T12:00"), badTime.err);
        CliRun withCompare = run("backtest", "--compare", "risk-off", "--stop-at", "2018-04-05T10:00");
        assertEquals(1, withCompare.code);
        assertTrue(withCompare.err.contains("--compare runs every variant to the end"), withCompare.err);
    }

    @Test
    void backtestOptionsOverrideSymbolsAndDates() {
        CliRun r = run("backtest", "--symbols", "LTC-USD", "--from", "2018-04-05", "--to", "2018-04-05");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("backtest of LTC-USD 1m, 2018-04-05 .. 2018-04-05"), r.out);
    }

    @Test
    void botsShowsEachBotsPredictionsAtEveryHorizonOfTheLatestRun() throws IOException {
        CliRun none = run("bots");
        assertEquals(0, none.code, none.err);
        assertTrue(none.out.contains("no finished run yet"), none.out);
        Path config = home.resolve("config/quorum.yaml");
        CliRun backtest = run("backtest");
        assertEquals(0, backtest.code, backtest.err);
        assertTrue(backtest.out.contains("\nBot health: bollinger SUSPENDED since 2018-04-04T16:23:00Z; "), backtest.out);
        CliRun r = run("bots");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("Run 1: backtest of BTC-USD, ETH-USD, LTC-USD 1m, 2018-04-04 .. 2018-04-06; FINISHED, 4 bots, "),
                r.out);
        assertTrue(r.out.matches(
                "(?s).*\\nBOT +STRATEGY +STATE +STRIKES +WEIGHT +PREDICTIONS +HIT 1h +HIT 4h +HIT 1d +MOVE 1h +MOVE 4h +MOVE 1d\\n.*"), r.out);
        for (String bot : new String[] {"ema-crossover", "rsi-reversion", "macd-cross", "bollinger"}) {
            assertTrue(r.out.matches("(?s).*\\n" + bot + " +" + bot + " +(ACTIVE|DEGRADED|SUSPENDED) +[0-3] +[0-2]\\.[0-9]{2} +[0-9,]+ +[0-9.]+% of [0-9,]+ .*"),
                    bot + ": " + r.out);
        }
        assertTrue(r.out.matches("(?s).*\\nHealth changes:\\n  2018-04-0\\dT[0-9:]+Z  [a-z-]+ +ACTIVE -> DEGRADED: \\d+ of its last 50 predictions right.*"),
                r.out);
        assertTrue(r.out.matches("(?s).*\\nwin-probability as a whole: auc 0\\.\\d{3}, calibrationError 0\\.\\d{3}, scored [0-9,]+, trainings \\d+\\n.*"),
                r.out);
        // the learners' figures per bot, under their learner's name
        assertTrue(r.out.contains("What the learners report on each bot at the end of the run"), r.out);
        assertTrue(r.out.matches("(?s).*\\n +bayes-calibration +.*correlation-diversity +meta-trust +q-selector +win-probability\\n.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nBOT +CALIBRATION +HITRATE +STATEDCONFIDENCE +CORRELATION +ACCURACY +CONSISTENCY +DIVERSITY"
                + " +TRUST +BESTQ +FAVOURED .*"), r.out);
        assertEquals(r.out, run("bots", "--run", "1").out);
        CliRun byRegime = run("bots", "--by", "regime");
        assertEquals(0, byRegime.code, byRegime.err);
        assertTrue(byRegime.out.matches("(?s).*\\nHit rate at 1h by regime when the call was made \\(right of judged\\):\\nBOT +TREND_UP +TREND_DOWN +RANGE\\n.*"),
                byRegime.out);
        CliRun badMeasure = run("bots", "--by", "colour");
        assertTrue(badMeasure.code != 0);
        assertTrue(badMeasure.err.contains("--by colour: expected one of regime, volatility, volume, momentum"), badMeasure.err);
        CliRun missing = run("bots", "--run", "99");
        assertTrue(missing.code != 0);
        assertTrue(missing.err.contains("--run 99: no such run (the runs are [1])"), missing.err);
    }

    @Test
    void compareRunsEachVariantOfTheRiskLayerAndPrintsThemSideBySide() throws IOException {
        // the risk layer's own effect: without the learners and health rules (with them the drawdown stays near 3% on
        // these days, and nothing is hedged)
        Path config = home.resolve("config/quorum.yaml");
        String yaml = Files.readString(config);
        yaml = yaml.substring(0, yaml.indexOf("  learners:\n")) + "  learners: []\n" + yaml.substring(yaml.indexOf("  weights:\n"));
        Files.writeString(config, yaml.replace("  health:\n    enabled: true", "  health:\n    enabled: false"));
        CliRun r = run("backtest", "--compare", "risk-off,hedge-only,-cooldown");
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("compare: risk-off (no risk modules; position manager: adaptive-exits, no hedging; no learners, no health rules)"), r.err);
        assertTrue(r.err.contains("compare: hedge-only (no risk modules; position manager: adaptive-exits; no learners, no health rules)"), r.err);
        assertTrue(r.out.matches("(?s).*\\n {24} +risk-off +hedge-only +-cooldown\\n.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nrun +1 +2 +3\\n.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\n  hedging allowed +no +yes +yes\\n.*"), r.out);
        for (String row : new String[] {"return", "net PnL", "max drawdown", "Sharpe", "worst day (UTC)", "trades", "win rate",
                "entries blocked", "  hedges' net PnL"}) {
            assertTrue(r.out.contains("\n" + row + " "), "row " + row + ": " + r.out);
        }
        // without risk modules the drawdown passes 10% on these days: the hedge-only run hedges, the risk-off run cannot
        Matcher hedges = Pattern.compile("\\n  of which hedges +(\\d+) +(\\d+) +(\\d+)\\n").matcher(r.out);
        assertTrue(hedges.find(), r.out);
        assertEquals("0", hedges.group(1));
        assertTrue(Integer.parseInt(hedges.group(2)) > 0, r.out);
        // a module in no column's chain has no row; one in some has '-' where it is not
        assertFalse(r.out.contains("\n  cooldown "), r.out);
        assertTrue(r.out.matches("(?s).*\\n  fixed-fraction +- +- +0 / \\d+ of \\d+\\n.*"), r.out);
    }

    @Test
    void compareLearningOffRunsTheSameConfigWithoutLearnersAndHealth() {
        CliRun r = run("backtest", "--compare", "learning-off,risk-on");
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("compare: learning-off (") && r.err.contains("; no learners, no health rules)"), r.err);
        assertFalse(r.err.matches("(?s).*compare: risk-on \\([^\\n]*no learners.*"), r.err);
        // without learners and health the default run is the one the risk section describes: 136 trades
        assertTrue(r.out.matches("(?s).*\\ntrades +136 +31\\n.*"), r.out);
    }

    @Test
    void compareRefusesAnUnknownVariantOrAModuleNotInTheChain() {
        CliRun unknown = run("backtest", "--compare", "risk-off,bogus");
        assertTrue(unknown.code != 0);
        assertTrue(unknown.err.contains("unknown variant 'bogus'; expected risk-off, risk-on, hedge-only, hedging-off, positions-off,"
                + " learning-off or -NAME"), unknown.err);
        CliRun missing = run("backtest", "--compare", "-nosuch");
        assertTrue(missing.code != 0);
        assertTrue(missing.err.contains("the risk chain has no module named 'nosuch'"), missing.err);
        CliRun twice = run("backtest", "--compare", "risk-on,risk-on");
        assertTrue(twice.code != 0);
        assertTrue(twice.err.contains("name each variant once"), twice.err);
    }

    @Test
    void evaluateRunsTheWalkForwardAndPrintsBothTables() throws IOException {
        Files.writeString(home.resolve("config/evaluate.yaml"), Files.readString(ROOT.resolve("config/evaluate.yaml"))
                .replace("dir: data/candles", "dir: " + ROOT.resolve("data/candles")));
        CliRun r = run("evaluate", "--from", "2019-01-01", "--to", "2019-03-31", "--fold", "1");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Evaluation 1: SPY 1h, 2019-01-01 .. 2019-03-31, 3 windows of 1 months"), r.out);
        assertTrue(r.out.matches("(?s).*\\nCONFIGURATION +RETURN +SHARPE +MAX DD +TRADES +WIN RATE +PROFIT FACTOR +AUC +CAL. ERROR\\n"
                + "equal weights .*\\nmeta-trust .*\\ncorrelation-diversity .*\\nbayes-calibration .*\\nq-selector .*\\n"
                + "quality-weights .*\\nwin-probability .*\\nall learners .*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nchosen on the window before .*\\nfixed 0\\.50 .*\\nfixed 0\\.85 .*\\nChosen: 2019-02-01 0\\.\\d\\d,"
                + " 2019-03-01 0\\.\\d\\d\\n.*"), r.out);
        assertTrue(r.err.contains("evaluate: [52/52] all learners trading 2019-03-01..2019-03-31 frozen"), r.err);
        CliRun bad = run("evaluate", "--fold", "0");
        assertTrue(bad.code != 0);
        assertTrue(bad.err.contains("--fold 0: expected a number of months in [1, 120]"), bad.err);
        CliRun single = run("evaluate", "--from", "2019-01-01", "--to", "2019-01-31");
        assertTrue(single.code != 0);
        assertTrue(single.err.contains("makes 1 window of 12 months"), single.err);
    }

    @Test
    void pluginsListShowsTheBundledPluginsStarted() {
        CliRun r = run("plugins", "list");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.matches("(?s).*\\ntechnical +0\\.1\\.0 +STARTED +>=1\\.4\\.0 & <2\\.0\\.0 +strategy:.*report:technical-day.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nlearners +0\\.1\\.0 +STARTED [^\\n]*learner:meta-trust.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nwin-probability +0\\.1\\.0 +STARTED [^\\n]*learner:win-probability.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nrisk-basic +0\\.1\\.0 +STARTED .*risk:fixed-fraction.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nrisk-sizing +0\\.1\\.0 +STARTED [^\\n]*risk:kelly-sizing.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nrisk-sizing +0\\.1\\.0 +STARTED [^\\n]*risk:circuit-breaker.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\nrisk-guards +0\\.1\\.0 +STARTED .*risk:daily-loss-limit.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\npositions +0\\.1\\.0 +STARTED .*position-manager:adaptive-exits.*"), r.out);
    }

    @Test
    void theTemplatePluginInstallsOnceAndItsStrategyIsListed() {
        Path zip = Path.of(System.getProperty("quorum.testPlugins"), "hello-strategy.zip");
        CliRun install = run("plugins", "install", zip.toString());
        assertEquals(0, install.code, install.err);
        assertTrue(install.out.contains("installed plugin 'hello-strategy' 1.0.0"), install.out);
        assertTrue(run("plugins", "list").out.contains("strategy:hello-momentum"));

        CliRun again = run("plugins", "install", zip.toString());
        assertEquals(1, again.code);
        assertTrue(again.err.contains("plugin 'hello-strategy' is already installed"), again.err);
    }

    @Test
    void anIncompatiblePluginIsRefusedWithBothVersionsAndANonZeroExit() {
        Path zip = Path.of(System.getProperty("quorum.testPlugins"), "future-api.zip");
        CliRun r = run("plugins", "install", zip.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("requires quorum-api '>=99.0.0', but this host provides quorum-api " + dev.quorum.api.QuorumApi.version()), r.err);
        assertFalse(run("plugins", "list").out.contains("fixture-future-api"));
    }

    @Test
    void disablingThePluginThatProvidesTheBotsMakesTheBacktestFailClearlyUntilEnabledAgain() {
        assertEquals(0, run("plugins", "disable", "technical").code);
        assertTrue(run("plugins", "list").out.matches("(?s).*\\ntechnical +0\\.1\\.0 +DISABLED .*"));
        CliRun r = run("backtest");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("no strategy 'ema-crossover' among the started plugins"), r.err);
        assertEquals(0, run("plugins", "enable", "technical").code);
        assertEquals(0, run("backtest").code);
    }

    @Test
    void aBotThatKeepsFailingIsSuspendedAndItsPluginShowsDegradedAfterTheRun() throws IOException {
        Path zip = Path.of(System.getProperty("quorum.testPlugins"), "faulty-strategy.zip");
        assertEquals(0, run("plugins", "install", zip.toString()).code);
        Path config = home.resolve("config/quorum.yaml");
        Files.writeString(config, Files.readString(config).replace("\nbots:\n", "\nbots:\n  - strategy: fixture-throws\n"));

        CliRun r = run("backtest");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Suspended bots:\n  fixture-throws (fixture-throws, plugin fixture-faulty-strategy): 5 errors"), r.out);

        CliRun list = run("plugins", "list");
        assertTrue(list.out.matches("(?s).*\\nfixture-faulty-strategy +0\\.1\\.0 +DEGRADED .*"), list.out);
        // 5 from the bot, 2 from the plugin's broken report section in the reports written during the run
        // (2018-04-04 and -05; the last day's report is written after the run's errors are stored)
        assertTrue(list.out.contains("in run 1: 7 error(s); last: report section 'fixture-report-throws' for 2018-04-05"), list.out);
        for (String day : List.of("2018-04-04", "2018-04-05", "2018-04-06")) {
            assertTrue(r.err.contains("report " + day + ": reports/quorum-" + day + ".pdf"), "the broken section does not stop the report: " + r.err);
        }
        assertTrue(list.out.matches("(?s).*\\ntechnical +0\\.1\\.0 +STARTED .*"), list.out);
    }

    @Test
    void anUninstalledBundledPluginStaysUninstalled() {
        CliRun r = run("plugins", "uninstall", "risk-basic");
        assertEquals(0, r.code, r.err);
        CliRun list = run("plugins", "list");
        assertFalse(list.out.contains("risk-basic"), list.out);
        assertTrue(list.out.contains("technical"), list.out);
    }

    @Test
    void aBadConfigIsRefusedBeforeAnythingRuns() throws IOException {
        Path config = home.resolve("config/quorum.yaml");
        Files.writeString(config, Files.readString(config).replace("consensusThreshold: 0.60", "consensusThreshold: 1.7"));
        CliRun r = run("backtest");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("quorum.yaml:"), r.err);
        assertTrue(r.err.contains("engine.consensusThreshold = 1.7 is out of range: expected a number in (0, 1]"), r.err);
        assertFalse(Files.exists(home.resolve("var")), "nothing was created");
    }

    @Test
    void aStrategyOrParameterThePluginsDoNotProvideIsRefusedWithItsLineInTheConfig() throws IOException {
        Path config = home.resolve("config/quorum.yaml");
        String original = Files.readString(config);
        int line = lineOf(original, "strategy: ema-crossover");

        Files.writeString(config, original.replace("strategy: ema-crossover", "strategy: ema-crosover"));
        CliRun missing = run("backtest");
        assertEquals(1, missing.code);
        assertTrue(missing.err.contains("quorum.yaml:" + line + ":5: bots[0] 'ema-crosover': no strategy 'ema-crosover'"), missing.err);

        Files.writeString(config, original.replace("params: {fast: 12,", "params: {fast: 500,"));
        CliRun range = run("backtest");
        assertEquals(1, range.code);
        assertTrue(range.err.contains("quorum.yaml:" + (line + 1) + ":"), range.err);
        assertTrue(range.err.contains("bots[0] 'ema-crossover': parameter fast = 500: 500 is out of range [2, 200]"), range.err);
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }

    @Test
    void aBadCsvIsRefusedWithFileAndLineAndNothingIsStored() throws IOException {
        Path csv = home.resolve("bad.csv");
        Files.writeString(csv, "timestamp,open,high,low,close,volume\n2020-01-01T00:00:00Z,1,2,0.5,1.5,10\n"
                + "2020-01-01T00:01:00Z,1,0.9,1.2,1,10\n");
        CliRun r = run("data", "import", csv.toString(), "--symbol", "X", "--timeframe", "1m");
        assertEquals(1, r.code);
        assertTrue(r.err.contains(csv + ":3: "), r.err);
        assertTrue(run("data", "list").out.contains("nothing stored yet"));

        Path good = home.resolve("good.csv");
        Files.writeString(good, "timestamp,open,high,low,close,volume\n2020-01-01T00:00:00Z,1,2,0.5,1.5,10\n");
        CliRun ok = run("data", "import", good.toString(), "--symbol", "X", "--timeframe", "1m");
        assertEquals(0, ok.code, ok.err);
        assertTrue(run("data", "list").out.matches("(?s).*\\nX +1m +1 .*"));
    }

    @Test
    void usageErrorsExitWithTwoAndHelpWorksEverywhere() {
        assertEquals(2, run("backtest", "--bogus").code);
        assertEquals(2, run("no-such-command").code);
        assertEquals(2, run().code);
        assertEquals(2, run("data", "import", "x.csv").code, "missing required options");
        for (String[] help : new String[][] {{"--help"}, {"backtest", "--help"}, {"plugins", "--help"}, {"plugins", "list", "--help"},
                {"plugins", "install", "--help"}, {"plugins", "enable", "--help"}, {"plugins", "disable", "--help"},
                {"plugins", "uninstall", "--help"}, {"data", "--help"}, {"data", "import", "--help"}, {"data", "list", "--help"}}) {
            CliRun r = run(help);
            assertEquals(0, r.code, String.join(" ", help));
            assertTrue(r.out.contains("Usage: quorum"), r.out);
        }
    }

    private static String hash(String out) {
        Matcher m = HASH.matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

}
