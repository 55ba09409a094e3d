package dev.quorum.core.data;

import static dev.quorum.core.data.Fixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quorum.api.Timeframe;
import dev.quorum.core.store.Database;

/**
 * Every kind of bad input: the message is {@code <file>:<line>: <what> (<value>, expected <what>)},
 * and the store is exactly as before, also when a valid file was imported first and when the bad
 * file starts with bars that are already stored.
 */
class CsvBarImporterRejectsTest {

    private static final String OK1 = "2018-04-04T00:00:00Z,10,12,9,11,5";
    private static final String OK2 = "2018-04-04T00:01:00Z,11,12,10,10.5,0";

    @TempDir
    Path dir;
    private Database db;
    private CsvBarImporter importer;

    @BeforeEach
    void importAValidFileFirst() throws IOException {
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        importer = new CsvBarImporter(db, Clock.systemUTC());
        importer.importCsv(Fixtures.write(dir, "valid.csv", List.of(HEADER, OK1, OK2)), "BTC-USD", Timeframe.M1);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("malformed number", List.of(HEADER, OK1, OK2, "2018-04-04T00:02:00Z,11,68O1.2,10,10.5,1"),
                        ":4: malformed number in column 'high' ('68O1.2', expected a decimal number)"),
                arguments("java number suffix", List.of(HEADER, "2018-04-04T00:02:00Z,11,12,10,10.5d,1"),
                        ":2: malformed number in column 'close' ('10.5d', expected a decimal number)"),
                arguments("missing column", List.of("timestamp,open,high,low,close", "2018-04-04T00:02:00Z,1,2,0.5,1.5"),
                        ":1: missing column 'volume' (header 'timestamp,open,high,low,close', "
                                + "expected 'timestamp,open,high,low,close,volume')"),
                arguments("unexpected column", List.of(HEADER + ",trades", "2018-04-04T00:02:00Z,1,2,0.5,1.5,3,7"),
                        ":1: unexpected column 'trades' (header 'timestamp,open,high,low,close,volume,trades', "
                                + "expected 'timestamp,open,high,low,close,volume')"),
                arguments("missing header", List.of(OK1, OK2),
                        ":1: missing header (first line '" + OK1 + "', expected 'timestamp,open,high,low,close,volume')"),
                arguments("out of order", List.of(HEADER, OK1, "2018-04-04T00:05:00Z,1,2,0.5,1.5,3",
                                "2018-04-04T00:03:00Z,1,2,0.5,1.5,3"),
                        ":4: timestamp out of order (2018-04-04T00:03:00Z after 2018-04-04T00:05:00Z on line 3, "
                                + "expected strictly increasing)"),
                arguments("duplicate timestamp", List.of(HEADER, OK1, OK2, OK2),
                        ":4: duplicate timestamp (2018-04-04T00:01:00Z already on line 3, expected strictly increasing)"),
                arguments("high below low", List.of(HEADER, "2018-04-04T00:02:00Z,10.5,10,11,10.5,1"),
                        ":2: high below low (high 10.0 < low 11.0, expected high >= low)"),
                arguments("high below close", List.of(HEADER, "2018-04-04T00:02:00Z,10,10.5,9,11,1"),
                        ":2: high below max(open, close) (high 10.5 < close 11.0, expected high >= max(open, close))"),
                arguments("low above open", List.of(HEADER, "2018-04-04T00:02:00Z,10,12,10.5,11,1"),
                        ":2: low above min(open, close) (low 10.5 > open 10.0, expected low <= min(open, close))"),
                arguments("negative volume", List.of(HEADER, "2018-04-04T00:02:00Z,1,2,0.5,1.5,-3"),
                        ":2: negative volume (-3.0, expected >= 0)"),
                arguments("non-finite volume", List.of(HEADER, "2018-04-04T00:02:00Z,1,2,0.5,1.5,Infinity"),
                        ":2: non-finite volume ('Infinity', expected a finite number >= 0)"),
                arguments("zero price", List.of(HEADER, "2018-04-04T00:02:00Z,1,2,0,1.5,3"),
                        ":2: non-positive price in column 'low' (0.0, expected > 0)"),
                arguments("negative price", List.of(HEADER, "2018-04-04T00:02:00Z,-1,2,0.5,1.5,3"),
                        ":2: non-positive price in column 'open' (-1.0, expected > 0)"),
                arguments("NaN price", List.of(HEADER, "2018-04-04T00:02:00Z,NaN,2,0.5,1.5,3"),
                        ":2: non-finite price in column 'open' ('NaN', expected a finite number > 0)"),
                arguments("overflowing price", List.of(HEADER, "2018-04-04T00:02:00Z,1,2,0.5,1e400,3"),
                        ":2: non-finite price in column 'close' ('1e400', expected a finite number > 0)"),
                arguments("wrong field count", List.of(HEADER, OK1, "2018-04-04T00:02:00Z,1,2,0.5,1.5"),
                        ":3: wrong field count (5 fields in '2018-04-04T00:02:00Z,1,2,0.5,1.5', expected 6)"),
                arguments("unparseable timestamp", List.of(HEADER, "2018-04-04 00:02:00,1,2,0.5,1.5,3"),
                        ":2: unparseable timestamp ('2018-04-04 00:02:00', expected ISO-8601 UTC like 2018-04-04T00:00:00Z)"),
                arguments("timestamp not aligned", List.of(HEADER, "2018-04-04T00:02:30Z,1,2,0.5,1.5,3"),
                        ":2: timestamp not aligned to the timeframe (2018-04-04T00:02:30Z, "
                                + "expected a multiple of 1m after midnight UTC)"),
                arguments("header only", List.of(HEADER),
                        ":2: no bars (end of file after the header, expected at least one bar)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesAndStoresNothing(String name, List<String> lines, String expected) throws Exception {
        Path file = Fixtures.write(dir, name.replace(' ', '-') + ".csv", lines);
        assertRefused(file, "BTC-USD", Timeframe.M1, file + expected);
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertRefused(file, "BTC-USD", Timeframe.M1, file + ":1: empty file (0 bytes, expected a header "
                + "'timestamp,open,high,low,close,volume' and at least one bar)");
    }

    @Test
    void refusesBytesThatAreNotUtf8() throws Exception {
        byte[] text = (HEADER + "\n" + OK1 + "\n2018-04-04T00:02:00Z,1,2,0.5,1.5,3").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(text, text.length + 2);
        bad[text.length] = (byte) 0xC3;
        bad[text.length + 1] = (byte) 0x28;
        Path file = Files.write(dir.resolve("latin.csv"), bad);
        CandleImportException e = assertThrows(CandleImportException.class, () -> importer.importCsv(file, "BTC-USD", Timeframe.M1));
        assertEquals(true, e.getMessage().startsWith(file + ":"), e.getMessage());
        assertEquals(true, e.getMessage().contains("not UTF-8 text"), e.getMessage());
    }

    @Test
    void alignmentFollowsTheTimeframe() throws Exception {
        Path hourly = Fixtures.write(dir, "hourly.csv", List.of(HEADER, "2018-04-04T00:00:00Z,1,2,0.5,1.5,3",
                "2018-04-04T01:30:00Z,1,2,0.5,1.5,3"));
        assertRefused(hourly, "BTC-USD", Timeframe.H1, hourly + ":3: timestamp not aligned to the timeframe "
                + "(2018-04-04T01:30:00Z, expected a multiple of 1h after midnight UTC)");
        Path weekly = Fixtures.write(dir, "weekly.csv", List.of(HEADER, "2018-04-02T00:00:00Z,1,2,0.5,1.5,3",
                "2018-04-09T12:00:00Z,1,2,0.5,1.5,3"));
        assertRefused(weekly, "BTC-USD", Timeframe.parse("1w"), weekly + ":3: timestamp not aligned to the timeframe "
                + "(2018-04-09T12:00:00Z, expected a multiple of 1d after midnight UTC)");
    }

    @Test
    void aProblemOnTheLastLineOfARealFileStoresNothing() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Fixtures.dataDir().resolve("coinbase_LTC-USD_1m.csv")));
        int last = lines.size() - 1;
        String[] fields = lines.get(last).split(",");
        fields[5] = "-1";
        lines.set(last, String.join(",", fields));
        Path file = Fixtures.write(dir, "ltc-broken.csv", lines);
        assertRefused(file, "LTC-USD", Timeframe.M1, file + ":" + lines.size() + ": negative volume (-1.0, expected >= 0)");
    }

    private void assertRefused(Path file, String symbol, Timeframe timeframe, String expected) throws SQLException {
        String before = Fixtures.candlesFingerprint(db);
        long imports = Fixtures.count(db, "candle_imports");

        CandleImportException e = assertThrows(CandleImportException.class, () -> importer.importCsv(file, symbol, timeframe));

        assertEquals(expected, e.getMessage());
        assertEquals(before, Fixtures.candlesFingerprint(db));
        assertEquals(2, Fixtures.count(db, "candles"));
        assertEquals(imports, Fixtures.count(db, "candle_imports"));
        assertEquals(0, db.activeConnections());
    }
}
