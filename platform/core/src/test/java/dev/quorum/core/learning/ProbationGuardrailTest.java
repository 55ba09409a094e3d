package dev.quorum.core.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.HealthConfig;
import dev.quorum.core.config.LearningConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.PredictionRecords;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * The probation guardrails on the embedded candles, with health periods short enough for bots to come back on
 * probation within the three days (suspended for 1.2 hours, probation decided after 2.4 hours and 5 predictions): every
 * trade whose voters included a bot on probation when it was decided, and only those, carries the guardrail's note, is at
 * most 2% of equity, and had its stop moved to half its distance from the decision's price; with the guardrail relaxed to
 * 100% of equity and the whole distance, the same run trades larger.
 */
class ProbationGuardrailTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();
    private static final Pattern NOTE = Pattern.compile("probation guardrail \\(([^)]*) on probation\\): size ([0-9.E+-]+) -> ([0-9.E+-]+)"
            + " \\(at most ([0-9.]+) of equity ([0-9.E+-]+)\\)(, stop ([0-9.E+-]+) -> ([0-9.E+-]+) \\(([0-9.]+) of its distance from ([0-9.E+-]+)\\))?");

    @TempDir
    Path dir;

    private static HealthConfig quick(double size, double stopFactor) {
        return new HealthConfig(true, null, null, null, null, 0.05, 0.1, 5, null, null, null, 2, size, stopFactor);
    }

    @Test
    void anEntryAProbationVoterVotedForIsSmallAndItsStopTight() throws Exception {
        try (Database db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
             PluginHost host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing",
                     "risk-guards", "positions"))) {
            QuorumConfig shipped = new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"));
            QuorumConfig guarded = shipped.withLearning(new LearningConfig(true, null, null, quick(0.02, 0.5)));
            BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
            BacktestReport report = runner.run(guarded, ProgressListener.NONE);

            // who was on probation when: the stored transitions
            Map<String, TreeMap<Instant, BotHealth.State>> states = new HashMap<>();
            for (PredictionRecords.HealthChange c : new PredictionRecords(db).healthChanges(report.runId())) {
                states.computeIfAbsent(c.bot(), b -> new TreeMap<>()).put(c.transition().time(), c.transition().to());
            }
            assertTrue(states.values().stream().anyMatch(m -> m.containsValue(BotHealth.State.PROBATION)), "some bot reached probation: " + states);

            int guardedTrades = 0;
            for (String[] t : trades(db, report.runId())) {
                Instant entry = Instant.ofEpochMilli(Long.parseLong(t[0]));
                List<String> onProbation = new ArrayList<>();
                for (String bot : t[1].split(",")) {
                    var history = states.get(bot);
                    var at = history == null ? null : history.floorEntry(entry);
                    if (at != null && at.getValue() == BotHealth.State.PROBATION) {
                        onProbation.add(bot);
                    }
                }
                Matcher m = NOTE.matcher(t[2]);
                assertEquals(!onProbation.isEmpty(), m.find(), "trade at " + entry + " voters " + t[1] + ": " + t[2]);
                if (onProbation.isEmpty()) {
                    continue;
                }
                guardedTrades++;
                assertEquals(String.join(", ", onProbation), m.group(1));
                double equity = Double.parseDouble(m.group(5));
                double after = Double.parseDouble(m.group(3));
                double price = m.group(10) == null ? Double.parseDouble(t[4]) : Double.parseDouble(m.group(10));
                assertTrue(after * price <= 0.02 * equity * (1 + 1e-9), "at most 2% of equity: " + t[2]);
                assertTrue(Double.parseDouble(t[3]) <= after * (1 + 1e-9), "the trade is no larger than the guarded entry");
                if (m.group(6) != null) {
                    double before = Double.parseDouble(m.group(7));
                    double tight = Double.parseDouble(m.group(8));
                    assertEquals(price - 0.5 * (price - before), tight, 1e-9 * price, "half the distance: " + t[2]);
                }
            }
            assertTrue(guardedTrades > 0, "no trade had a voter on probation");

            // the guardrail is what shrank them: relaxed to the whole equity and the whole distance, the same run differs
            BacktestReport relaxed = runner.run(shipped.withLearning(new LearningConfig(true, null, null, quick(1.0, 1.0))),
                    ProgressListener.NONE);
            assertTrue(!relaxed.tradeLogSha256().equals(report.tradeLogSha256()), "the guardrail changed nothing");
        }
    }

    /** Each trade: entry time, bots, risk notes, quantity, entry price. */
    private static List<String[]> trades(Database db, long runId) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT entry_time, bots, risk_notes, quantity, entry_price FROM trades WHERE run_id = ?"
                     + " AND hedge = FALSE ORDER BY id")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3),
                            Double.toString(rs.getDouble(4)), Double.toString(rs.getDouble(5))});
                }
            }
        }
        return out;
    }
}
