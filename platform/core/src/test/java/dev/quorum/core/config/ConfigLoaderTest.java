package dev.quorum.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
