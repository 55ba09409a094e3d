package dev.quorum.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.Timeframe;
import dev.quorum.core.store.Database;

/** Reading the three Coinbase pairs back: same bars as the CSV files, in (time, symbol) order, streamed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandleStoreTest {

    private static final List<String> PAIRS = List.of("BTC-USD", "ETH-USD", "LTC-USD");
    private static final Instant FROM = Instant.parse("2018-04-04T00:00:00Z");
    private static final Instant TO = Instant.parse("2018-04-07T00:00:00Z");

    private Database db;
    private CandleStore store;

    @BeforeAll
    void importThePairs(@TempDir Path dir) {
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        store = new CandleStore(db);
        EmbeddedCandles.load(Fixtures.dataDir()).ensureImported(new CsvBarImporter(db, Clock.systemUTC()), store, PAIRS, Timeframe.M1);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void streamsExactlyTheCsvBarsInTimeThenSymbolOrder() throws IOException {
        List<Bar> expected = new ArrayList<>();
        for (String symbol : PAIRS) {
            expected.addAll(readCsv(Fixtures.dataDir().resolve("coinbase_" + symbol + "_1m.csv"), symbol, FROM, TO));
        }
        expected.sort(Comparator.comparing(Bar::openTime).thenComparing(Bar::symbol));

        List<Bar> actual = new ArrayList<>();
        try (BarStream bars = store.bars(new BarQuery(PAIRS, Timeframe.M1, FROM, TO))) {
            bars.forEachRemaining(actual::add);
            assertFalse(bars.hasNext());
            assertThrows(NoSuchElementException.class, bars::next);
        }

        assertEquals(12_423 - countBefore(FROM, "BTC-USD") + 5_329 - countBefore(FROM, "ETH-USD") + 3_887, actual.size());
        assertEquals(expected.size(), actual.size());
        for (int i = 1; i < actual.size(); i++) {
            Bar a = actual.get(i - 1);
            Bar b = actual.get(i);
            assertTrue(a.openTime().isBefore(b.openTime())
                    || a.openTime().equals(b.openTime()) && a.symbol().compareTo(b.symbol()) < 0, "order at " + i);
        }
        assertEquals(expected, actual);
        assertEquals(0, db.activeConnections());
    }

    @Test
    void rangeIsHalfOpenAndSymbolsFollowQueryOrder() {
        Instant from = Instant.parse("2018-04-04T00:00:00Z");
        List<Bar> bars = read(new BarQuery(List.of("LTC-USD", "BTC-USD"), Timeframe.M1, from, from.plusSeconds(180)));
        assertEquals(List.of("LTC-USD", "BTC-USD", "LTC-USD", "BTC-USD", "LTC-USD", "BTC-USD"),
                bars.stream().map(Bar::symbol).toList());
        assertEquals(from.plusSeconds(120), bars.getLast().openTime());
        assertEquals(List.of(), read(new BarQuery(List.of("XRP-USD"), Timeframe.M1, FROM, TO)));
        assertEquals(List.of(), read(new BarQuery(PAIRS, Timeframe.M5, FROM, TO)));
        assertEquals(List.of(), read(new BarQuery(PAIRS, Timeframe.M1, Instant.parse("2019-01-01T00:00:00Z"),
                Instant.parse("2019-01-02T00:00:00Z"))));
    }

    @Test
    void closingAStreamEarlyReleasesItsConnection() {
        for (int i = 0; i < 30; i++) { // more than the pool's 10 connections: a leak would block here
            try (BarStream bars = store.bars(new BarQuery(PAIRS, Timeframe.M1, FROM, TO))) {
                assertTrue(bars.hasNext());
                bars.next();
                assertEquals(1, db.activeConnections());
            }
        }
        assertEquals(0, db.activeConnections());
        BarStream closed = store.bars(new BarQuery(PAIRS, Timeframe.M1, FROM, TO));
        closed.close();
        closed.close();
        assertFalse(closed.hasNext());
    }

    @Test
    void coverageTellsWhatIsStored() {
        List<Coverage> all = store.coverage();
        assertEquals(List.of(
                new Coverage("BTC-USD", Timeframe.M1, 12_423, Instant.parse("2016-10-07T00:00:00Z"), Instant.parse("2018-04-06T23:59:00Z")),
                new Coverage("ETH-USD", Timeframe.M1, 5_329, Instant.parse("2017-09-03T00:00:00Z"), Instant.parse("2018-04-05T23:59:00Z")),
                new Coverage("LTC-USD", Timeframe.M1, 3_887, Instant.parse("2018-04-04T00:00:00Z"), Instant.parse("2018-04-06T23:59:00Z"))),
                all);
        assertEquals(all.get(1), store.coverage("ETH-USD", Timeframe.M1).orElseThrow());
        assertTrue(store.coverage("ETH-USD", Timeframe.H1).isEmpty());
        assertTrue(store.coverage("XRP-USD", Timeframe.M1).isEmpty());
        assertEquals("store", store.info().id());
    }

    private List<Bar> read(BarQuery query) {
        List<Bar> bars = new ArrayList<>();
        try (BarStream stream = store.bars(query)) {
            stream.forEachRemaining(bars::add);
        }
        return bars;
    }

    /** Bars of one file before an instant, counted straight from the CSV. */
    private static long countBefore(Instant instant, String symbol) throws IOException {
        return readCsv(Fixtures.dataDir().resolve("coinbase_" + symbol + "_1m.csv"), symbol, Instant.EPOCH, instant).size();
    }

    /** An independent reader of the CSV files: the bars with open time in [from, to). */
    private static List<Bar> readCsv(Path file, String symbol, Instant from, Instant to) throws IOException {
        List<Bar> bars = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                Instant t = Instant.parse(f[0]);
                if (!t.isBefore(from) && t.isBefore(to)) {
                    bars.add(new Bar(symbol, Timeframe.M1, t, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                }
            }
        }
        return bars;
    }
}
