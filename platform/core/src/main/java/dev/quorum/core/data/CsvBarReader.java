package dev.quorum.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Timeframe;

/**
 * Reads and validates a candle CSV line by line ({@code timestamp,open,high,low,close,volume}, header
 * first, columns in any order, timestamp = the bar's open time in ISO-8601 UTC). Every problem is a
 * {@link CandleImportException} naming file, line, value and expectation. Blank lines are ignored.
 *
 * <p>Rules: strictly increasing timestamps; each aligned to the timeframe, that is a multiple of
 * gcd(timeframe, 1 day) after midnight UTC (whole minutes for 1m, :00/:05/... for 5m, midnight for 1w);
 * prices finite and positive; high ≥ low, high ≥ max(open, close), low ≤ min(open, close);
 * volume finite and ≥ 0. Records the gaps (see {@link ImportResult}).
 */
final class CsvBarReader {

    static final List<String> COLUMNS = List.of("timestamp", "open", "high", "low", "close", "volume");
    private static final String HEADER = String.join(",", COLUMNS);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    private static final long PROGRESS_LINES = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(CsvBarReader.class);

    private final BufferedReader in;
    private final Path file;
    private final long stepMillis;
    private final long alignSeconds;
    private final int[] position = new int[COLUMNS.size()];
    private final List<Gap> gaps = new ArrayList<>();
    private int fieldCount;
    private long lineNo;
    private long bars;
    private CsvRow previous;

    CsvBarReader(BufferedReader in, Path file, Timeframe timeframe) {
        this.in = in;
        this.file = file;
        this.stepMillis = timeframe.duration().toMillis();
        this.alignSeconds = gcd(timeframe.duration().getSeconds(), Duration.ofDays(1).getSeconds());
    }

    /**
     * The next bar.
     *
     * @return the bar, or null at the end of the file
     * @throws CandleImportException for the first problem found
     */
    CsvRow next() {
        if (fieldCount == 0) {
            readHeader();
        }
        String line = readLine();
        while (line != null && line.isBlank()) {
            line = readLine();
        }
        if (line == null) {
            if (bars == 0) {
                throw fail(lineNo + 1, "no bars", "end of file after the header", "at least one bar");
            }
            return null;
        }
        CsvRow row = parse(line);
        if (previous != null && row.openTime() - previous.openTime() > stepMillis) {
            long delta = row.openTime() - previous.openTime();
            gaps.add(new Gap(Instant.ofEpochMilli(previous.openTime()), Instant.ofEpochMilli(row.openTime()),
                    (delta - 1) / stepMillis));
        }
        previous = row;
        bars++;
        return row;
    }

    /** @return the gaps found so far, in time order */
    List<Gap> gaps() {
        return gaps;
    }

    private void readHeader() {
        String header = readLine();
        while (header != null && header.isBlank()) {
            header = readLine();
        }
        if (header == null) {
            throw fail(Math.max(1, lineNo), "empty file", lineNo == 0 ? "0 bytes" : "only blank lines",
                    "a header '" + HEADER + "' and at least one bar");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        String[] names = header.split(",", -1);
        if (isTimestamp(names[0].strip())) {
            throw fail(lineNo, "missing header", "first line '" + header + "'", "'" + HEADER + "'");
        }
        Arrays.fill(position, -1);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip().toLowerCase(Locale.ROOT);
            int column = COLUMNS.indexOf(name);
            if (column < 0) {
                throw fail(lineNo, "unexpected column '" + names[i].strip() + "'", "header '" + header + "'", "'" + HEADER + "'");
            }
            if (position[column] >= 0) {
                throw fail(lineNo, "duplicate column '" + name + "'", "header '" + header + "'", "'" + HEADER + "'");
            }
            position[column] = i;
        }
        for (int column = 0; column < position.length; column++) {
            if (position[column] < 0) {
                throw fail(lineNo, "missing column '" + COLUMNS.get(column) + "'", "header '" + header + "'", "'" + HEADER + "'");
            }
        }
        fieldCount = names.length;
    }

    private CsvRow parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != fieldCount) {
            throw fail(lineNo, "wrong field count", fields.length + " fields in '" + line + "'", String.valueOf(fieldCount));
        }
        String text = fields[position[0]].strip();
        Instant time;
        try {
            time = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw fail(lineNo, "unparseable timestamp", "'" + text + "'", "ISO-8601 UTC like 2018-04-04T00:00:00Z");
        }
        if (time.getNano() != 0 || Math.floorMod(time.getEpochSecond(), alignSeconds) != 0) {
            throw fail(lineNo, "timestamp not aligned to the timeframe", time.toString(),
                    "a multiple of " + new Timeframe(Duration.ofSeconds(alignSeconds)) + " after midnight UTC");
        }
        long openTime = time.toEpochMilli();
        if (previous != null && openTime <= previous.openTime()) {
            Instant before = Instant.ofEpochMilli(previous.openTime());
            throw openTime == previous.openTime()
                    ? fail(lineNo, "duplicate timestamp", time + " already on line " + previous.line(), "strictly increasing")
                    : fail(lineNo, "timestamp out of order", time + " after " + before + " on line " + previous.line(),
                            "strictly increasing");
        }
        double open = price(fields, 1);
        double high = price(fields, 2);
        double low = price(fields, 3);
        double close = price(fields, 4);
        double volume = volume(fields[position[5]].strip());
        if (high < low) {
            throw fail(lineNo, "high below low", "high " + high + " < low " + low, "high >= low");
        }
        if (high < Math.max(open, close)) {
            String name = open > close ? "open " + open : "close " + close;
            throw fail(lineNo, "high below max(open, close)", "high " + high + " < " + name, "high >= max(open, close)");
        }
        if (low > Math.min(open, close)) {
            String name = open < close ? "open " + open : "close " + close;
            throw fail(lineNo, "low above min(open, close)", "low " + low + " > " + name, "low <= min(open, close)");
        }
        return new CsvRow(lineNo, openTime, open, high, low, close, volume);
    }

    private double price(String[] fields, int column) {
        String name = COLUMNS.get(column);
        String text = fields[position[column]].strip();
        double value = number(name, text, "a finite number > 0");
        if (!Double.isFinite(value)) {
            throw fail(lineNo, "non-finite price in column '" + name + "'", "'" + text + "'", "a finite number > 0");
        }
        if (value <= 0) {
            throw fail(lineNo, "non-positive price in column '" + name + "'", String.valueOf(value), "> 0");
        }
        return value;
    }

    private double volume(String text) {
        double value = number("volume", text, "a finite number >= 0");
        if (!Double.isFinite(value)) {
            throw fail(lineNo, "non-finite volume", "'" + text + "'", "a finite number >= 0");
        }
        if (value < 0) {
            throw fail(lineNo, "negative volume", String.valueOf(value), ">= 0");
        }
        return value + 0.0; // turns -0.0 into 0.0
    }

    private double number(String column, String text, String finiteExpectation) {
        if (NON_FINITE.matcher(text).matches()) {
            String what = column.equals("volume") ? "non-finite volume" : "non-finite price in column '" + column + "'";
            throw fail(lineNo, what, "'" + text + "'", finiteExpectation);
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw fail(lineNo, "malformed number in column '" + column + "'", "'" + text + "'", "a decimal number");
        }
        return Double.parseDouble(text);
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNo++;
                if (lineNo % PROGRESS_LINES == 0) {
                    LOG.info("{}: {} lines read", file, String.format(Locale.ROOT, "%,d", lineNo));
                }
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new CandleImportException(file, lineNo + 1, "not UTF-8 text", "undecodable bytes", "UTF-8 text", e);
        } catch (IOException e) {
            throw new CandleImportException(file, lineNo + 1, "read error", String.valueOf(e.getMessage()), "a readable file", e);
        }
    }

    private static boolean isTimestamp(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private CandleImportException fail(long line, String problem, String value, String expected) {
        return new CandleImportException(file, line, problem, value, expected);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
