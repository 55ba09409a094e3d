package dev.quorum.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Timeframe;

/**
 * The broker's keys (fees, slippage) and the engine's equity resolution, read from YAML: defaults, a full
 * valid section, and every kind of bad value refused with its position, key, value and what is allowed.
 */
class BrokerConfigTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void theDefaultsAreEqualFeesOfTenBasisPointsNoSlippageAndAnHourlyEquityCurve() throws IOException {
        QuorumConfig c = loader.load(write("broker:\n  slippage:\n    model: none\n"));
        assertEquals(0.001, c.broker().makerFee());
        assertEquals(0.001, c.broker().takerFee());
        assertEquals("none", c.broker().slippage().model());
        assertEquals("fee 0.100% per side", c.broker().describe(), "the run header is unchanged for the defaults");
        assertEquals(Timeframe.H1, c.engine().equityTimeframe());
        assertEquals(BrokerConfig.defaults(), QuorumConfig.defaults().broker());
    }

    @Test
    void aVolumeModelWithEveryKeyLoads() throws IOException {
        QuorumConfig c = loader.load(write("""
                engine:
                  equityResolution: 15m
                broker:
                  makerFee: 0.0002
                  takerFee: 0.0005
                  slippage:
                    model: volume
                    bps: 2
                    impact: 0.05
                    maxParticipation: 0.25
                """));
        SlippageConfig s = c.broker().slippage();
        assertEquals("volume", s.model());
        assertEquals(2.0, s.bps());
        assertEquals(0.05, s.impact());
        assertEquals(0.25, s.maxParticipation());
        assertEquals(Timeframe.M15, c.engine().equityTimeframe());
        assertEquals("fees 0.020% maker / 0.050% taker; slippage volume: 2 bps + 0.05 x participation, at most 25% of a bar's volume",
                c.broker().describe());
    }

    @Test
    void aFixedModelTakesTheDefaultBasisPoints() throws IOException {
        SlippageConfig s = loader.load(write("broker:\n  slippage:\n    model: fixed\n")).broker().slippage();
        assertEquals(5.0, s.bps());
        assertEquals("slippage fixed 5 bps", s.describe());
    }

    @Test
    void feesOutOfRangeAreRefused() throws IOException {
        Path f = write("broker:\n  makerFee: 0.2\n");
        assertEquals(f + ":2:3: broker.makerFee = 0.2 is out of range: expected a number in [0, 0.1]", error(f));
        Path g = write("broker:\n  takerFee: -0.001\n");
        assertEquals(g + ":2:3: broker.takerFee = -0.001 is out of range: expected a number in [0, 0.1]", error(g));
    }

    @Test
    void anUnknownModelIsRefused() throws IOException {
        Path f = write("broker:\n  slippage:\n    model: slippy\n");
        assertEquals(f + ":3:5: broker.slippage.model = 'slippy' is not valid: expected none, fixed or volume", error(f));
    }

    @Test
    void slippageValuesOutOfRangeAreRefused() throws IOException {
        Path bps = write("broker:\n  slippage:\n    model: fixed\n    bps: 600\n");
        assertEquals(bps + ":4:5: broker.slippage.bps = 600.0 is out of range: expected a number in [0, 500]", error(bps));
        Path impact = write("broker:\n  slippage:\n    model: volume\n    impact: 0.7\n");
        assertEquals(impact + ":4:5: broker.slippage.impact = 0.7 is out of range: expected a number in [0, 0.5]", error(impact));
        Path zero = write("broker:\n  slippage:\n    model: volume\n    maxParticipation: 0\n");
        assertEquals(zero + ":4:5: broker.slippage.maxParticipation = 0.0 is out of range: expected a number in (0, 1]", error(zero));
        Path above = write("broker:\n  slippage:\n    model: volume\n    maxParticipation: 1.5\n");
        assertEquals(above + ":4:5: broker.slippage.maxParticipation = 1.5 is out of range: expected a number in (0, 1]", error(above));
    }

    @Test
    void aKeyTheModelDoesNotUseIsRefusedRatherThanIgnored() throws IOException {
        Path none = write("broker:\n  slippage:\n    bps: 10\n");
        String e = error(none);
        assertTrue(e.startsWith(none + ":3:5: broker.slippage.bps = 10.0 has no effect with broker.slippage.model = none"), e);
        Path fixed = write("broker:\n  slippage:\n    model: fixed\n    maxParticipation: 0.2\n");
        String e2 = error(fixed);
        assertTrue(e2.startsWith(fixed + ":4:5: broker.slippage.maxParticipation = 0.2 has no effect with broker.slippage.model"
                + " = fixed: it applies to volume"), e2);
    }

    @Test
    void unknownKeysAreRefusedListingTheAllowedOnes() throws IOException {
        Path f = write("broker:\n  slippage:\n    model: fixed\n    spread: 3\n");
        String e = error(f);
        assertTrue(e.startsWith(f + ":4:5: "), e);
        assertTrue(e.contains("unknown key 'spread' in 'broker.slippage' (allowed: bps, impact, maxParticipation, model)"), e);
    }

    @Test
    void theReplacedFeeRateKeyIsRefusedNamingItsReplacements() throws IOException {
        Path f = write("broker:\n  feeRate: 0.001\n");
        String e = error(f);
        assertTrue(e.startsWith(f + ":2:3: "), e);
        assertTrue(e.contains("unknown key 'feeRate' in 'broker' (allowed: makerFee, slippage, takerFee)"), e);
    }

    @Test
    void anEquityResolutionThatIsNotATimeframeIsRefused() throws IOException {
        Path f = write("engine:\n  equityResolution: hourly\n");
        assertEquals(f + ":2:3: engine.equityResolution = 'hourly' is not a timeframe: expected a count (1 to 999999) and a"
                + " unit, like 1m, 15m, 1h, 4h, 1d", error(f));
    }

    @Test
    void anEquityResolutionThatIsNotAMultipleOfTheBaseTimeframeIsRefused() throws IOException {
        Path f = write("data:\n  timeframe: 5m\nengine:\n  equityResolution: 7m\n");
        assertEquals(f + ":4:3: engine.equityResolution = 7m is not a whole multiple of data.timeframe = 5m: expected 5m or a"
                + " multiple of it, such as 1h or 1d", error(f));
        Path finer = write("engine:\n  equityResolution: 30s\n");
        assertTrue(error(finer).contains("engine.equityResolution = 30s is not a whole multiple of data.timeframe = 1m"), error(finer));
        assertEquals(Timeframe.M5, loader.load(write("data:\n  timeframe: 5m\nengine:\n  equityResolution: 5m\n")).engine()
                .equityTimeframe(), "the base timeframe itself is allowed: one point per bar");
    }

    private String error(Path f) {
        return assertThrows(ConfigException.class, () -> loader.load(f)).getMessage();
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "quorum", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
