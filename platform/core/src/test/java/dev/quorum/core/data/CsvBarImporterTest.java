package dev.quorum.core.data;

import static dev.quorum.core.data.Fixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Timeframe;
import dev.quorum.core.store.Database;

/** Imports of small hand-written files: results, idempotence, overlap, conflicts, accepted variants. */
class CsvBarImporterTest {

    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

    @TempDir
    Path dir;
    private Database db;
    private CsvBarImporter importer;

    @BeforeEach
    void open() {
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        importer = new CsvBarImporter(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static List<String> minutes(int... minutes) {
        List<String> lines = new java.util.ArrayList<>(List.of(HEADER));
        for (int m : minutes) {
            lines.add(String.format(java.util.Locale.ROOT, "2018-04-04T00:%02d:00Z,%d.5,%d.9,%d.1,%d.7,%d.25", m, 100 + m, 100 + m, 100 + m, 100 + m, m));
        }
        return lines;
    }

    @Test
    void importsAFileAndRecordsTheImport() throws Exception {
        Path file = Fixtures.write(dir, "gappy.csv", minutes(0, 1, 4, 5, 10));

        ImportResult result = importer.importCsv(file, "BTC-USD", Timeframe.M1);

        assertEquals(5, result.inserted());
        assertEquals(0, result.skipped());
        assertEquals(Instant.parse("2018-04-04T00:00:00Z"), result.first());
        assertEquals(Instant.parse("2018-04-04T00:10:00Z"), result.last());
        assertEquals(List.of(
                new Gap(Instant.parse("2018-04-04T00:01:00Z"), Instant.parse("2018-04-04T00:04:00Z"), 2),
                new Gap(Instant.parse("2018-04-04T00:05:00Z"), Instant.parse("2018-04-04T00:10:00Z"), 4)), result.gaps());
        assertEquals("imported 5 bars of BTC-USD 1m (2018-04-04T00:00Z .. 2018-04-04T00:10Z), 0 already stored, "
                + "2 gaps (largest: 2018-04-04T00:05Z → 2018-04-04T00:10Z, 4 missing bars)", result.summary());
        assertEquals(5, Fixtures.count(db, "candles"));

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source, sha256, symbol, timeframe, bars_inserted, bars_skipped,"
                     + " first_open_time, last_open_time, gap_count, imported_at FROM candle_imports")) {
            rs.next();
            assertEquals(file.toString(), rs.getString(1));
            assertEquals(sha, rs.getString(2));
            assertEquals("BTC-USD", rs.getString(3));
            assertEquals("1m", rs.getString(4));
            assertEquals(5, rs.getLong(5));
            assertEquals(0, rs.getLong(6));
            assertEquals(Instant.parse("2018-04-04T00:00:00Z").toEpochMilli(), rs.getLong(7));
            assertEquals(Instant.parse("2018-04-04T00:10:00Z").toEpochMilli(), rs.getLong(8));
            assertEquals(2, rs.getLong(9));
            assertEquals(NOW.toEpochMilli(), rs.getLong(10));
        }
    }

    @Test
    void storesTheExactValues() throws Exception {
        Path file = Fixtures.write(dir, "one.csv", List.of(HEADER, "2018-04-04T00:00:00Z,7424.91,7424.91,7422.0,7422,7.14319709"));
        importer.importCsv(file, "BTC-USD", Timeframe.M1);
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT symbol, timeframe, open_time, open, high, low, close, volume FROM candles")) {
            rs.next();
            assertEquals("BTC-USD", rs.getString(1));
            assertEquals("1m", rs.getString(2));
            assertEquals(1522800000000L, rs.getLong(3));
            assertEquals(7424.91, rs.getDouble(4));
            assertEquals(7424.91, rs.getDouble(5));
            assertEquals(7422.0, rs.getDouble(6));
            assertEquals(7422.0, rs.getDouble(7));
            assertEquals(7.14319709, rs.getDouble(8));
        }
    }

    @Test
    void reimportSkipsEverythingAndOverlapInsertsOnlyNewBars() throws Exception {
        Path first = Fixtures.write(dir, "a.csv", minutes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Path overlap = Fixtures.write(dir, "b.csv", minutes(5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
        importer.importCsv(first, "BTC-USD", Timeframe.M1);
        String before = Fixtures.candlesFingerprint(db);

        ImportResult again = importer.importCsv(first, "BTC-USD", Timeframe.M1);
        assertEquals(0, again.inserted());
        assertEquals(10, again.skipped());
        assertEquals(before, Fixtures.candlesFingerprint(db));

        ImportResult more = importer.importCsv(overlap, "BTC-USD", Timeframe.M1);
        assertEquals(5, more.inserted());
        assertEquals(5, more.skipped());
        assertEquals(15, Fixtures.count(db, "candles"));
        assertEquals(3, Fixtures.count(db, "candle_imports"));

        ImportResult otherSymbol = importer.importCsv(first, "ETH-USD", Timeframe.M1);
        assertEquals(10, otherSymbol.inserted());
        ImportResult otherTimeframe = importer.importCsv(first, "BTC-USD", Timeframe.parse("30s"));
        assertEquals(10, otherTimeframe.inserted());
    }

    @Test
    void refusesAStoredBarWithDifferentValues() throws Exception {
        importer.importCsv(Fixtures.write(dir, "a.csv", minutes(0, 1, 2)), "BTC-USD", Timeframe.M1);
        String before = Fixtures.candlesFingerprint(db);
        Path changed = Fixtures.write(dir, "changed.csv", List.of(HEADER,
                "2018-04-04T00:02:00Z,102.5,102.9,102.1,102.7,2.25",
                "2018-04-04T00:03:00Z,1,2,0.5,1.5,3"));
        Path changedFirst = Fixtures.write(dir, "changed-first.csv", List.of(HEADER,
                "2018-04-04T00:01:00Z,101.5,101.9,101.1,101.6,1.25"));

        CandleImportException e = assertThrows(CandleImportException.class,
                () -> importer.importCsv(changedFirst, "BTC-USD", Timeframe.M1));

        assertEquals(changedFirst + ":2: bar differs from the stored one (BTC-USD 1m 2018-04-04T00:01:00Z: "
                + "file open 101.5 high 101.9 low 101.1 close 101.6 volume 1.25, "
                + "stored open 101.5 high 101.9 low 101.1 close 101.7 volume 1.25, "
                + "expected identical values, stored candles are never overwritten)", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(before, Fixtures.candlesFingerprint(db));
        importer.importCsv(changed, "BTC-USD", Timeframe.M1); // an identical row plus a new one is fine
        assertEquals(4, Fixtures.count(db, "candles"));
    }

    @Test
    void theEarliestProblemIsReported() throws Exception {
        importer.importCsv(Fixtures.write(dir, "a.csv", minutes(0)), "BTC-USD", Timeframe.M1);
        Path bad = Fixtures.write(dir, "bad.csv", List.of(HEADER,
                "2018-04-04T00:00:00Z,1,2,0.5,1.5,3",     // conflicts with the stored bar
                "2018-04-04T00:01:00Z,1,2,0.5,1.5,3",
                "2018-04-04T00:02:00Z,1,2,0.5,1.5,-3"));  // invalid, found first while reading

        CandleImportException e = assertThrows(CandleImportException.class,
                () -> importer.importCsv(bad, "BTC-USD", Timeframe.M1));

        assertEquals(2, e.line(), e.getMessage());
        assertEquals(1, Fixtures.count(db, "candles"));
    }

    @Test
    void acceptsCrLfByteOrderMarkColumnOrderSpacesAndBlankLines() throws Exception {
        String text = "\uFEFFvolume, timestamp ,OPEN,high,low,close\r\n"
                + "3,2018-04-04T00:00:00Z, 1 ,2,0.5,1.5\r\n"
                + "\r\n"
                + "0,2018-04-04T00:01:00Z,1.5,1.5,1.5,1.5\r\n\r\n";
        Path file = Files.write(dir.resolve("crlf.csv"), text.getBytes(StandardCharsets.UTF_8));

        ImportResult result = importer.importCsv(file, "BTC-USD", Timeframe.M1);

        assertEquals(2, result.inserted());
        assertEquals(List.of(), result.gaps());
        assertEquals("imported 2 bars of BTC-USD 1m (2018-04-04T00:00Z .. 2018-04-04T00:01Z), 0 already stored, no gaps",
                result.summary());
    }

    @Test
    void summaryUsesGroupingAndSecondsWhenNeeded() {
        ImportResult result = new ImportResult("SPY", Timeframe.parse("30s"), 12_423, 1_000_000,
                Instant.parse("2018-04-04T00:00:30Z"), Instant.parse("2018-04-05T00:00:00Z"),
                List.of(new Gap(Instant.parse("2018-04-04T00:00:30Z"), Instant.parse("2018-04-04T00:01:30Z"), 1)));
        assertEquals("imported 12,423 bars of SPY 30s (2018-04-04T00:00:30Z .. 2018-04-05T00:00Z), 1,000,000 already stored, "
                + "1 gap (largest: 2018-04-04T00:00:30Z → 2018-04-04T00:01:30Z, 1 missing bar)", result.summary());
    }

    @Test
    void refusesBadArguments() {
        Path missing = dir.resolve("missing.csv");
        CandleImportException e = assertThrows(CandleImportException.class,
                () -> importer.importCsv(missing, "BTC-USD", Timeframe.M1));
        assertEquals(missing + ": no such file ('" + missing.toAbsolutePath() + "', expected a readable CSV file)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> importer.importCsv(missing, " ", Timeframe.M1));
        assertThrows(IllegalArgumentException.class, () -> importer.importCsv(missing, "X".repeat(65), Timeframe.M1));
    }
}
