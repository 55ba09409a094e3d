package dev.quorum.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Timeframe;
import dev.quorum.core.store.Database;

/** The real embedded candle files, imported through the catalog, checked against PROVENANCE.md. */
class EmbeddedCandlesTest {

    @TempDir
    Path dir;
    private Database db;
    private CsvBarImporter importer;
    private CandleStore store;
    private EmbeddedCandles embedded;

    @BeforeEach
    void open() {
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        importer = new CsvBarImporter(db, Clock.systemUTC());
        store = new CandleStore(db);
        embedded = EmbeddedCandles.load(Fixtures.dataDir());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyEmbeddedFileImportsWithTheBarAndGapCountsOfProvenance() throws Exception {
        Map<String, long[]> provenance = provenance(Fixtures.dataDir().resolve("PROVENANCE.md"));
        assertEquals(10, embedded.entries().size());
        long total = 0;
        for (EmbeddedCandles.Entry entry : embedded.entries()) {
            String name = entry.file().getFileName().toString();
            long[] expected = provenance.get(name);
            assertTrue(expected != null, name + " is not listed in PROVENANCE.md");

            ImportResult result = importer.importCsv(entry.file(), entry.symbol(), entry.timeframe());

            assertEquals(expected[0], result.inserted(), name + " bars");
            assertEquals(0, result.skipped(), name);
            if (expected[1] >= 0) {
                assertEquals(expected[1], result.gaps().size(), name + " gaps");
            }
            assertEquals(expected[0], store.coverage(entry.symbol(), entry.timeframe()).orElseThrow().bars(), name);
            total += expected[0];
        }
        assertEquals(total, Fixtures.count(db, "candles"));
        assertEquals(82_752, total);

        String before = Fixtures.candlesFingerprint(db);
        for (EmbeddedCandles.Entry entry : embedded.entries()) {
            ImportResult again = importer.importCsv(entry.file(), entry.symbol(), entry.timeframe());
            assertEquals(0, again.inserted(), entry.label());
            assertEquals(provenance.get(entry.file().getFileName().toString())[0], again.skipped(), entry.label());
        }
        assertEquals(before, Fixtures.candlesFingerprint(db));
        assertEquals(20, Fixtures.count(db, "candle_imports"));
    }

    @Test
    void aConflictingRowInARealFileIsRefused() throws Exception {
        Path ltc = embedded.entry("LTC-USD", Timeframe.M1).orElseThrow().file();
        importer.importCsv(ltc, "LTC-USD", Timeframe.M1);
        String before = Fixtures.candlesFingerprint(db);
        List<String> lines = new ArrayList<>(Files.readAllLines(ltc));
        int line = 2500;
        String[] f = lines.get(line - 1).split(",");
        double low = Double.parseDouble(f[3]);
        double high = Double.parseDouble(f[2]);
        f[5] = String.valueOf(Double.parseDouble(f[5]) + 1);
        lines.set(line - 1, String.join(",", f));
        Path changed = Fixtures.write(dir, "ltc-changed.csv", lines);

        CandleImportException e = assertThrows(CandleImportException.class, () -> importer.importCsv(changed, "LTC-USD", Timeframe.M1));

        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith(changed + ":" + line + ": bar differs from the stored one (LTC-USD 1m " + f[0] + ": file open "),
                e.getMessage());
        assertTrue(e.getMessage().contains("high " + high + " low " + low), e.getMessage());
        assertTrue(e.getMessage().contains("volume " + Double.parseDouble(f[5]) + ", stored open"), e.getMessage());
        assertEquals(before, Fixtures.candlesFingerprint(db));
        assertEquals(1, Fixtures.count(db, "candle_imports"));
    }

    @Test
    void ensureImportedImportsOnlyWhatIsMissing() throws Exception {
        List<ImportResult> first = embedded.ensureImported(importer, store, List.of("BTC-USD", "ETH-USD"), Timeframe.M1);
        assertEquals(List.of("BTC-USD", "ETH-USD"), first.stream().map(ImportResult::symbol).toList());
        assertEquals(12_423 + 5_329, Fixtures.count(db, "candles"));

        List<ImportResult> second = embedded.ensureImported(importer, store, List.of("ETH-USD", "LTC-USD", "BTC-USD"), Timeframe.M1);
        assertEquals(List.of("LTC-USD"), second.stream().map(ImportResult::symbol).toList());
        assertEquals(List.of(), embedded.ensureImported(importer, store, List.of("BTC-USD", "LTC-USD"), Timeframe.M1));
        assertEquals(3, Fixtures.count(db, "candle_imports"));
    }

    @Test
    void ensureImportedNamesUnknownSymbolsAndImportsNothing() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> embedded.ensureImported(importer, store, List.of("BTC-USD", "XRP-USD"), Timeframe.M1));
        assertEquals("no embedded candles for symbol 'XRP-USD' 1m; available: BTC-USD 1m, ETH-USD 1m, LTC-USD 1m, "
                + "BTC-EUR 1m, BITSTAMP:BTC-USD 1m, BITFINEX:BTC-USD 1h, BTC-USDT 1h, BINANCEUS:ETH-USD 5m, SPY 1h, SPY 1m",
                e.getMessage());
        assertEquals(0, Fixtures.count(db, "candles"));
        assertThrows(IllegalArgumentException.class,
                () -> embedded.ensureImported(importer, store, List.of("BTC-USD"), Timeframe.M5));

        // a symbol the user imported is stored, so it is not needed from the catalog
        importer.importCsv(Fixtures.write(dir, "xrp.csv", List.of(Fixtures.HEADER, "2018-04-04T00:00:00Z,1,2,0.5,1.5,3")),
                "XRP-USD", Timeframe.M1);
        assertEquals(List.of(), embedded.ensureImported(importer, store, List.of("XRP-USD"), Timeframe.M1));
    }

    @Test
    void catalogProblemsNameTheCatalogLine() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Fixtures.write(data, "a.csv", List.of(Fixtures.HEADER, "2018-04-04T00:00:00Z,1,2,0.5,1.5,3"));
        Path catalog = data.resolve(EmbeddedCandles.CATALOG);
        assertCatalog(data, List.of("file,symbol"), catalog + ":1: unexpected header ('file,symbol', expected 'file,symbol,timeframe')");
        assertCatalog(data, List.of("file,symbol,timeframe", "a.csv,A,1m", "a.csv,B"),
                catalog + ":3: wrong field count (2 fields in 'a.csv,B', expected 3 ('file,symbol,timeframe'))");
        assertCatalog(data, List.of("file,symbol,timeframe", "a.csv,A,1x"),
                catalog + ":2: unknown timeframe ('1x', expected a count and a unit, like 1m, 5m, 1h)");
        assertCatalog(data, List.of("file,symbol,timeframe", "b.csv,A,1m"),
                catalog + ":2: file not found ('b.csv', expected a file in " + data + ")");
        assertCatalog(data, List.of("file,symbol,timeframe", "../data/../../etc/passwd,A,1m"),
                catalog + ":2: file not found ('../data/../../etc/passwd', expected a file in " + data + ")");
        assertCatalog(data, List.of("file,symbol,timeframe", "a.csv, ,1m"),
                catalog + ":2: invalid symbol ('', expected 1 to 64 characters, like BTC-USD)");
        assertCatalog(data, List.of("file,symbol,timeframe", "a.csv,A,1m", "", "a.csv,A,1m"),
                catalog + ":4: duplicate entry (A 1m already on line 2, expected one file per symbol and timeframe)");

        Fixtures.write(data, EmbeddedCandles.CATALOG, List.of("file,symbol,timeframe", "a.csv,A,1m", "a.csv,A,5m"));
        EmbeddedCandles ok = EmbeddedCandles.load(data);
        assertEquals(List.of(new EmbeddedCandles.Entry(data.resolve("a.csv"), "A", Timeframe.M1),
                new EmbeddedCandles.Entry(data.resolve("a.csv"), "A", Timeframe.M5)), ok.entries());
        assertFalse(ok.entry("A", Timeframe.H1).isPresent());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CandleImportException e = assertThrows(CandleImportException.class, () -> EmbeddedCandles.load(empty));
        assertEquals(empty.resolve("catalog.csv") + ": no such file ('" + empty.resolve("catalog.csv").toAbsolutePath()
                + "', expected a catalog 'file,symbol,timeframe')", e.getMessage());
    }

    private static void assertCatalog(Path data, List<String> lines, String expected) throws IOException {
        Fixtures.write(data, EmbeddedCandles.CATALOG, lines);
        CandleImportException e = assertThrows(CandleImportException.class, () -> EmbeddedCandles.load(data));
        assertEquals(expected, e.getMessage());
    }

    /** File name → {bars, gaps (-1 when the table has no gaps column)}, read from the Markdown tables. */
    static Map<String, long[]> provenance(Path markdown) throws IOException {
        Map<String, long[]> counts = new HashMap<>();
        int barsColumn = -1;
        int gapsColumn = -1;
        for (String line : Files.readAllLines(markdown)) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = List.of(line.substring(1).split("\\|", -1)).stream().map(String::strip).toList();
            if (cells.getFirst().equals("file")) {
                barsColumn = cells.indexOf("bars");
                gapsColumn = cells.indexOf("gaps");
            } else if (cells.getFirst().endsWith(".csv")) {
                long bars = Long.parseLong(cells.get(barsColumn).replace(",", ""));
                long gaps = gapsColumn < 0 ? -1 : Long.parseLong(cells.get(gapsColumn).replace(",", ""));
                counts.put(cells.getFirst(), new long[] {bars, gaps});
            }
        }
        return counts;
    }
}
