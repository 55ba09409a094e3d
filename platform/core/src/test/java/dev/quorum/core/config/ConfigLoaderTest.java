package dev.quorum.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading quorum.yaml: defaults, the shipped file, and each kind of bad config refused with where and what. */
class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void theShippedConfigLoadsWithTheDocumentedValues() {
        QuorumConfig c = loader.load(Path.of(System.getProperty("quorum.dataDir")).resolve("../../config/quorum.yaml").normalize());
        assertEquals(List.of("BTC-USD", "ETH-USD", "LTC-USD"), c.data().symbols());
        assertEquals(0.60, c.engine().consensusThreshold());
        assertEquals(0.001, c.broker().makerFee());
        assertEquals(0.001, c.broker().takerFee());
        assertEquals("none", c.broker().slippage().model());
        assertEquals("1h", c.engine().equityResolution());
        assertEquals(List.of("ema-crossover", "rsi-reversion", "macd-cross", "bollinger"),
                c.bots().stream().map(BotConfig::name).toList());
        assertEquals(List.of("daily-loss-limit", "drawdown-guard", "cooldown", "volatility-filter", "max-open-positions",
                "fixed-fraction", "kelly-sizing", "circuit-breaker", "exposure-limits"), c.risk().stream().map(RiskConfig::name).toList());
        assertEquals("adaptive-exits", c.positions().manager());
        assertEquals(480, c.positions().params().get("maxBars"));
        assertEquals(0.10, c.positions().params().get("hedgeDrawdown"));
        assertTrue(c.positions().hedging());
    }

    @Test
    void aFamilyOfTheWrongShapeIsRefusedWhereItIs() throws IOException {
        Path both = write("families:\n  - name: ema\n    strategy: ema-crossover\n    grid: {fast: [5]}\n    sets: [{fast: 8}]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(both));
        assertTrue(e.getMessage().startsWith(both + ":2:5: "), e.getMessage());
        assertTrue(e.getMessage().contains("family 'ema' needs either 'grid' (values to combine) or 'sets' (a list of parameter sets),"
                + " not both"), e.getMessage());
        Path empty = write("families:\n  - name: ema\n    strategy: ema-crossover\n    grid:\n      fast: []\n");
        e = assertThrows(ConfigException.class, () -> loader.load(empty));
        assertTrue(e.getMessage().contains("family 'ema': grid.fast has no values"), e.getMessage());
        Path clash = write("bots:\n  - {name: ema-5, strategy: ema-crossover}\nfamilies:\n  - name: ema\n    strategy: ema-crossover\n"
                + "    grid: {fast: [5]}\n");
        e = assertThrows(ConfigException.class, () -> loader.load(clash));
        assertTrue(e.getMessage().contains("family 'ema' makes a bot named 'ema-5', which is already a bot in bots"), e.getMessage());
        QuorumConfig ok = loader.load(write("families:\n  - name: ema\n    strategy: ema-crossover\n    grid: {fast: [5, 8], slow: [21]}\n"));
        assertEquals(List.of("ema-5-21", "ema-8-21"), ok.allBots().stream().map(BotConfig::name).toList());
    }

    @Test
    void learningHorizonsAndCadenceAreCheckedWithKeyAndValue() throws IOException {
        QuorumConfig c = loader.load(write("learning:\n  horizons: [15m, 4h, 7d]\n  cadence: 5\n"));
        assertEquals(List.of(java.time.Duration.ofMinutes(15), java.time.Duration.ofHours(4), java.time.Duration.ofDays(7)),
                c.learning().horizonDurations());
        assertEquals(5, c.learning().cadence());
        assertEquals(List.of("1h", "4h", "24h"), loader.load(write("")).learning().horizons());
        Path unit = write("learning:\n  horizons: [1h, 90s]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(unit));
        assertTrue(e.getMessage().startsWith(unit + ":2:3: learning.horizons: '90s' is not a horizon: expected a whole number of"
                + " minutes, hours or days such as 15m, 4h or 7d"), e.getMessage());
        Path twice = write("learning:\n  horizons: [60m, 1h]\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(twice)).getMessage()
                .contains("learning.horizons = [60m, 1h]: 1h is there twice"));
        Path cadence = write("learning:\n  cadence: 0\n");
        assertEquals(cadence + ":2:3: learning.cadence = 0 is out of range: expected an integer in [1, 100000]",
                assertThrows(ConfigException.class, () -> loader.load(cadence)).getMessage());
        Path order = write("learning:\n  health:\n    degradedBelow: 0.6\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(order)).getMessage().contains(
                "learning.health: suspendBelow = 0.35, degradedBelow = 0.6, passAt = 0.5: expected suspendBelow <= degradedBelow <= passAt"));
        Path window = write("learning:\n  health:\n    window: 0\n");
        assertEquals(window + ":3:5: learning.health.window = 0 is out of range: expected an integer in [1, 100000]",
                assertThrows(ConfigException.class, () -> loader.load(window)).getMessage());
        Path horizon = write("learning:\n  horizons: [60m, 4h]\n  health:\n    horizon: 2h\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(horizon)).getMessage()
                .contains("learning.health.horizon = 2h: expected one of learning.horizons [60m, 4h]"));
        assertEquals(java.time.Duration.ofHours(1), loader.load(write("learning:\n  horizons: [60m, 4h]\n  health:\n    enabled: true\n    horizon: 1h\n"))
                .learning().healthRules().orElseThrow().horizon(), "1h is 60m");
        Path size = write("learning:\n  health:\n    probationSize: 0\n");
        assertEquals(size + ":3:5: learning.health.probationSize = 0.0 is out of range: expected a number in (0, 1]",
                assertThrows(ConfigException.class, () -> loader.load(size)).getMessage());
        Path voters = write("learning:\n  health:\n    minVoters: 0\n");
        assertEquals(voters + ":3:5: learning.health.minVoters = 0 is out of range: expected an integer in [1, 1000]",
                assertThrows(ConfigException.class, () -> loader.load(voters)).getMessage());
        Path heavy = write("learning:\n  weights:\n    groups: {ema: 5.0}\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(heavy)).getMessage()
                .contains("learning.weights.groups.ema = 5.0 is out of range: expected a number in [0.1, 2]"));
        assertEquals(Map.of("ema", 1.5), loader.load(write("learning:\n  weights:\n    groups: {ema: 1.5}\n")).learning().weights().groups());
        Path tooLong = write("learning:\n  horizons: [31d]\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(tooLong)).getMessage()
                .contains("learning.horizons: 31d is longer than 30d"));
    }

    @Test
    void learnersAndTheirWeightRulesAreCheckedWithKeyAndValue() throws IOException {
        QuorumConfig c = loader.load(write("learning:\n  learners:\n    - learner: meta-trust\n      params: {window: 50}\n"
                + "    - {learner: meta-trust, name: trust-4h, params: {horizon: 4h}}\n  weights: {updateBars: 30}\n  state: live-1\n"));
        assertEquals(List.of("meta-trust", "trust-4h"), c.learning().learners().stream().map(LearnerConfig::name).toList());
        assertEquals(30, c.learning().weights().updateBars());
        assertEquals(0.15, c.learning().weights().maxChange());
        assertEquals("live-1", c.learning().state());
        assertTrue(loader.load(write("")).learning().learners().isEmpty(), "no learners by default");
        Path twice = write("learning:\n  learners:\n    - learner: meta-trust\n    - learner: meta-trust\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(twice)).getMessage()
                .contains("learning.learners[1]: the name 'meta-trust' is used twice"));
        Path off = write("learning:\n  enabled: false\n  learners:\n    - learner: meta-trust\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(off)).getMessage()
                .contains("1 learner(s) configured but learning.enabled is false"));
        Path step = write("learning:\n  weights:\n    maxChange: 0\n");
        assertEquals(step + ":3:5: learning.weights.maxChange = 0.0 is out of range: expected a number in (0, 1]",
                assertThrows(ConfigException.class, () -> loader.load(step)).getMessage());
        Path bound = write("learning:\n  weights:\n    max: 0.5\n");
        assertEquals(bound + ":3:5: learning.weights.max = 0.5 is out of range: expected a number in [1, 100]",
                assertThrows(ConfigException.class, () -> loader.load(bound)).getMessage());
        Path scope = write("learning:\n  state: ../elsewhere\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(scope)).getMessage()
                .contains("learning.state = '../elsewhere': expected a name of letters, digits"));
        Path nameless = write("learning:\n  learners:\n    - params: {window: 5}\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(nameless)).getMessage()
                .contains("a learners entry needs 'learner'"));
    }

    @Test
    void hedgingIsAllowedUnlessTurnedOffAndMustBeABoolean() throws IOException {
        assertTrue(loader.load(write("positions:\n  manager: adaptive-exits\n")).positions().hedging());
        assertFalse(loader.load(write("positions:\n  manager: adaptive-exits\n  hedging: false\n")).positions().hedging());
        Path f = write("positions:\n  manager: adaptive-exits\n  hedging: maybe\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertEquals(f + ":3:3: positions.hedging = 'maybe' is not true or false", e.getMessage());
    }

    @Test
    void anEmptyFileMeansEveryDefault() throws IOException {
        QuorumConfig c = loader.load(write(""));
        assertEquals(QuorumConfig.defaults(), c);
        assertEquals(0.60, c.engine().consensusThreshold());
        assertEquals("2018-04-04", c.data().from());
    }

    @Test
    void anUnknownKeyIsRefusedNamingItsPositionAndTheAllowedKeys() throws IOException {
        Path f = write("engine:\n  initialCash: 5000\n  consensusThreshhold: 0.7\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().startsWith(f + ":3:3: "), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'consensusThreshhold' in 'engine'"), e.getMessage());
        assertTrue(e.getMessage().contains("consensusThreshold"), "lists the allowed keys: " + e.getMessage());
    }

    @Test
    void anUnknownTopLevelSectionIsRefused() throws IOException {
        Path f = write("brokers:\n  feeRate: 0.001\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().contains("unknown key 'brokers'"), e.getMessage());
    }

    @Test
    void aThresholdOutOfRangeIsRefusedNamingKeyValueAndRange() throws IOException {
        Path f = write("engine:\n  consensusThreshold: 1.7\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertEquals(f + ":2:3: engine.consensusThreshold = 1.7 is out of range: expected a number in (0, 1]", e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() throws IOException {
        Path f = write("broker:\n  takerFee: cheap\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertEquals(f + ":2:3: broker.takerFee = 'cheap' is not a number", e.getMessage());
    }

    @Test
    void aBadDateIsRefused() throws IOException {
        Path f = write("data:\n  from: 2018-13-01\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().contains("data.from = '2018-13-01' is not a date"), e.getMessage());
    }

    @Test
    void twoBotsWithTheSameNameAreRefused() throws IOException {
        Path f = write("bots:\n  - strategy: ema-crossover\n  - strategy: ema-crossover\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().contains("the name 'ema-crossover' is used twice"), e.getMessage());
    }

    @Test
    void aSymbolWithASeparatorInItIsRefused() throws IOException {
        Path f = write("data:\n  symbols: [BTC-USD, \"ETH USD\"]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().contains("data.symbols: symbol 'ETH USD' is not valid"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        Path f = write("engine:\n  initialCash: 5000\n  initialCash: 6000\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().contains("Duplicate field 'initialCash'"), e.getMessage());
    }

    @Test
    void aMissingFileIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("config file not found"), e.getMessage());
    }

    @Test
    void invalidYamlIsAClearError() throws IOException {
        Path f = write("engine: [unclosed\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("quorum.yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
