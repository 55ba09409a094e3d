package dev.quorum.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * Risk parameters the bundled modules cannot use are refused before anything runs or is stored, with the
 * config file, the line and column of the key, the value and what is allowed: out of the declared range
 * (checked by the host), or in range but unusable (checked by the module, reported through
 * {@code ParameterException}).
 */
class RiskConfigErrorsTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;

    @BeforeAll
    static void start() throws Exception {
        host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards"));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
    }

    @AfterAll
    static void stop() {
        host.close();
        db.close();
    }

    /** Runs a config whose risk section is {@code risk}, and returns the located error. */
    private static String error(String risk) throws Exception {
        Path file = dir.resolve("quorum-" + Integer.toHexString(risk.hashCode()) + ".yaml");
        Files.writeString(file, """
                data:
                  symbols: [BTC-USD]
                  from: 2018-04-04
                  to: 2018-04-04
                bots:
                  - strategy: ema-crossover
                """ + risk);
        QuorumConfig config = new ConfigLoader().load(file);
        BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
        ConfigException e = assertThrows(ConfigException.class, () -> runner.run(config, ProgressListener.NONE));
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM runs")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "nothing was stored");
        }
        return e.locatedIn(file).getMessage().replace(file.toString(), "quorum.yaml");
    }

    @Test
    void aFractionOfOneAndAHalfIsOutOfItsRange() throws Exception {
        assertEquals("quorum.yaml:9:14: risk[0] 'kelly-sizing': parameter cap = 1.5: 1.5 is out of range [0.001, 1.0]"
                        + " (expected a number in [0.001, 1.0])",
                error("""
                        risk:
                          - module: kelly-sizing
                            params: {cap: 1.5}
                        """));
    }

    @Test
    void aNegativeMultiplierIsOutOfItsRange() throws Exception {
        assertEquals("quorum.yaml:10:7: risk[0] 'circuit-breaker': parameter shrinkFactor = -0.5: -0.5 is out of range [0.01, 1.0]"
                        + " (expected a number in [0.01, 1.0])",
                error("""
                        risk:
                          - module: circuit-breaker
                            params:
                              shrinkFactor: -0.5
                        """));
    }

    @Test
    void aTimeZoneThatDoesNotExistIsRefusedAtItsKey() throws Exception {
        assertEquals("quorum.yaml:10:7: risk[0] 'daily-loss-limit': parameter timezone = Mars/Olympus: expected a time zone"
                        + " such as UTC, Europe/Berlin or +05:30",
                error("""
                        risk:
                          - module: daily-loss-limit
                            params:
                              timezone: Mars/Olympus
                        """));
    }

    @Test
    void aBandWhoseMinimumIsNotBelowItsMaximumIsRefused() throws Exception {
        String message = error("""
                risk:
                  - module: volatility-filter
                    params:
                      maxAtrPct: 0.01
                      minAtrPct: 0.02
                """);
        assertEquals("quorum.yaml:11:7: risk[0] 'volatility-filter': parameter minAtrPct = 0.02: expected below maxAtrPct (0.01)",
                message);
    }

    @Test
    void aParameterLeftAtItsDefaultIsLocatedAtTheParametersItIsMissingFrom() throws Exception {
        // minAtrPct is left at its default 0, which is not below maxAtrPct 0: the error points at params
        assertEquals("quorum.yaml:9:5: risk[0] 'volatility-filter': parameter minAtrPct = 0.0: expected below maxAtrPct (0.0)",
                error("""
                        risk:
                          - module: volatility-filter
                            params:
                              maxAtrPct: 0.0
                        """));
    }
}
