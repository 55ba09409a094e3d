package dev.quorum.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Fill;
import dev.quorum.api.Side;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.store.Database;

/** The journal on a real H2 file: what a crash leaves behind is kept and recognised on the next start. */
class RunJournalTest {

    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRunLeftRunningByACrashIsMarkedFailedOnTheNextStartAndKeepsItsTrades() {
        String url = Database.fileUrl(dir.resolve("quorum"));
        long runId;
        try (Database db = Database.open(url)) {
            RunJournal journal = new RunJournal(db, Clock.systemUTC());
            runId = journal.begin(new RunSpec("backtest", "{}", List.of("X"), Timeframe.M1, T, T.plusSeconds(600), 1000));
            try (JournalSink sink = journal.sink(runId)) {
                sink.onEntry(new Fill(1, "X", Side.BUY, 1, 100, 0.1, T));
                Fill exit = new Fill(2, "X", Side.SELL, 1, 101, 0.101, T.plusSeconds(60));
                sink.onExit(exit, new ClosedTrade(new Trade(1, "X", Direction.LONG, 1, T, 100, T.plusSeconds(60), 101, 0.201,
                        0.799, ExitReason.SIGNAL, List.of("bot")), ""));
            }
            // the process dies here: finish() is never called
        }
        try (Database db = Database.open(url)) {
            RunJournal journal = new RunJournal(db, Clock.systemUTC());
            assertEquals("RUNNING", journal.run(runId).orElseThrow().status());
            assertEquals(List.of(runId), journal.failInterruptedRuns());
            RunRecord run = journal.run(runId).orElseThrow();
            assertEquals("FAILED", run.status());
            assertTrue(run.error().startsWith("interrupted"), run.error());
            assertEquals(1, journal.trades(runId).size(), "what was stored before the crash is kept");
            assertEquals(0.799, journal.trades(runId).get(0).pnl());
            assertEquals(List.of(), journal.failInterruptedRuns());
        }
    }
}
