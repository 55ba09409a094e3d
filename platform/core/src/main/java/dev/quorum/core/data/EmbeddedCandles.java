package dev.quorum.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Timeframe;

/**
 * The candle files shipped with Quorum ({@code data/candles}), listed by {@code catalog.csv}
 * ({@code file,symbol,timeframe}, file relative to the directory), and imported into the store on
 * demand. Immutable after {@link #load(Path)}.
 */
public final class EmbeddedCandles {

    /** The catalog's file name. */
    public static final String CATALOG = "catalog.csv";
    private static final String HEADER = "file,symbol,timeframe";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCandles.class);

    /**
     * One catalog line.
     *
     * @param file      the candle file
     * @param symbol    the symbol its bars are stored under
     * @param timeframe the bar length
     */
    public record Entry(Path file, String symbol, Timeframe timeframe) {

        /** Validates. */
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(timeframe, "timeframe");
        }

        /**
         * For listings.
         *
         * @return such as {@code BTC-USD 1m}
         */
        public String label() {
            return symbol + " " + timeframe;
        }
    }

    private final Path dataDir;
    private final List<Entry> entries;

    private EmbeddedCandles(Path dataDir, List<Entry> entries) {
        this.dataDir = dataDir;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads {@code <dataDir>/catalog.csv}.
     *
     * @param dataDir the directory holding the catalog and the candle files
     * @return the catalog
     * @throws CandleImportException naming the catalog file and line if it is missing or invalid
     *                               (bad header or field count, unknown timeframe, blank symbol,
     *                               a file that does not exist or lies outside the directory, or a
     *                               symbol and timeframe listed twice)
     */
    public static EmbeddedCandles load(Path dataDir) {
        Path catalog = dataDir.resolve(CATALOG);
        if (!Files.isRegularFile(catalog)) {
            throw new CandleImportException(catalog, 0, "no such file", "'" + catalog.toAbsolutePath() + "'",
                    "a catalog '" + HEADER + "'");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(catalog, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
                throw new CandleImportException(catalog, 1, "unexpected header", "'" + (header == null ? "" : header) + "'",
                        "'" + HEADER + "'");
            }
            long lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    Entry entry = entry(dataDir, catalog, lineNo, line);
                    Long before = seen.putIfAbsent(entry.label(), lineNo);
                    if (before != null) {
                        throw new CandleImportException(catalog, lineNo, "duplicate entry",
                                entry.label() + " already on line " + before, "one file per symbol and timeframe");
                    }
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new CandleImportException(catalog, 0, "read error", String.valueOf(e.getMessage()), "a readable file", e);
        }
        return new EmbeddedCandles(dataDir, entries);
    }

    /**
     * The catalog's entries.
     *
     * @return the entries in catalog order
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The directory the catalog was read from.
     *
     * @return the data directory
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * The embedded file for a symbol and timeframe.
     *
     * @param symbol    the instrument
     * @param timeframe the bar length
     * @return the entry, or empty if none is embedded
     */
    public Optional<Entry> entry(String symbol, Timeframe timeframe) {
        return entries.stream().filter(e -> e.symbol().equals(symbol) && e.timeframe().equals(timeframe)).findFirst();
    }

    /**
     * Makes sure the store holds bars for each symbol at the timeframe: a symbol the store already
     * covers (imported earlier, from the catalog or by the user) is left alone; otherwise its
     * embedded file is imported. Checks every symbol before importing anything.
     *
     * @param importer  the importer to use
     * @param store     the store to check
     * @param symbols   the instruments
     * @param timeframe the bar length
     * @return the imports done, in symbol order; empty if everything was stored already
     * @throws IllegalArgumentException if a symbol is neither stored nor embedded, such as
     *         {@code no embedded candles for symbol 'XRP-USD' 1m; available: BTC-USD 1m, ETH-USD 1m, ...}
     * @throws CandleImportException    if an embedded file cannot be imported
     */
    public List<ImportResult> ensureImported(CsvBarImporter importer, CandleStore store,
                                             Collection<String> symbols, Timeframe timeframe) {
        List<Entry> todo = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String symbol : new LinkedHashSet<>(symbols)) {
            if (store.coverage(symbol, timeframe).isPresent()) {
                LOG.debug("{} {} already stored", symbol, timeframe);
                continue;
            }
            entry(symbol, timeframe).ifPresentOrElse(todo::add, () -> unknown.add("'" + symbol + "'"));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no embedded candles for symbol" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " " + timeframe + "; available: "
                    + entries.stream().map(Entry::label).collect(Collectors.joining(", ")));
        }
        List<ImportResult> results = new ArrayList<>();
        for (Entry entry : todo) {
            results.add(importer.importCsv(entry.file(), entry.symbol(), entry.timeframe()));
        }
        return results;
    }

    private static Entry entry(Path dataDir, Path catalog, long lineNo, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            throw new CandleImportException(catalog, lineNo, "wrong field count", fields.length + " fields in '" + line + "'",
                    "3 ('" + HEADER + "')");
        }
        String name = fields[0].strip();
        String symbol = fields[1].strip();
        String timeframe = fields[2].strip();
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(name).normalize();
        if (name.isEmpty() || !file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw new CandleImportException(catalog, lineNo, "file not found", "'" + name + "'", "a file in " + dataDir);
        }
        if (symbol.isEmpty() || symbol.length() > 64) {
            throw new CandleImportException(catalog, lineNo, "invalid symbol", "'" + symbol + "'",
                    "1 to 64 characters, like BTC-USD");
        }
        try {
            return new Entry(dataDir.resolve(name).normalize(), symbol, Timeframe.parse(timeframe));
        } catch (IllegalArgumentException e) {
            throw new CandleImportException(catalog, lineNo, "unknown timeframe", "'" + timeframe + "'",
                    "a count and a unit, like 1m, 5m, 1h");
        }
    }
}
