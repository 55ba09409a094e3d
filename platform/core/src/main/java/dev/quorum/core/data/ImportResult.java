package dev.quorum.core.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.quorum.api.Timeframe;

/**
 * The outcome of one successful import of a candle file.
 *
 * <p>Gap rule: a gap is any pair of consecutive bars in the file whose open times are more than one
 * timeframe apart, whatever the reason (no trade in that minute, a night, a weekend, or days absent
 * from a sample). With this rule the counts equal those in {@code data/candles/PROVENANCE.md}.
 *
 * @param symbol    the instrument the bars were stored under
 * @param timeframe the bar length
 * @param inserted  bars newly stored
 * @param skipped   bars of the file that were already stored with identical values
 * @param first     the file's first open time
 * @param last      the file's last open time
 * @param gaps      the file's gaps, in time order
 */
public record ImportResult(String symbol, Timeframe timeframe, long inserted, long skipped,
                           Instant first, Instant last, List<Gap> gaps) {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Validates and copies the gaps. */
    public ImportResult {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        gaps = List.copyOf(gaps);
        if (inserted < 0 || skipped < 0 || inserted + skipped == 0) {
            throw new IllegalArgumentException("an import stores or skips at least one bar, was "
                    + inserted + " inserted, " + skipped + " skipped");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last " + last + " is before first " + first);
        }
    }

    /**
     * The number of bars in the file.
     *
     * @return inserted plus skipped
     */
    public long bars() {
        return inserted + skipped;
    }

    /**
     * The gap with the most missing bars (the earliest of equals).
     *
     * @return the largest gap, or empty for a file without gaps
     */
    public Optional<Gap> largestGap() {
        return gaps.stream().max(Comparator.comparingLong(Gap::missingBars).thenComparing(Gap::after, Comparator.reverseOrder()));
    }

    /**
     * A one-line summary for the command line, such as {@code imported 12,423 bars of BTC-USD 1m
     * (2016-10-07T00:00Z .. 2018-04-06T23:59Z), 0 already stored, 99 gaps (largest:
     * 2016-10-09T23:59Z → 2017-09-03T00:00Z, 472,320 missing bars)}.
     *
     * @return the summary
     */
    public String summary() {
        StringBuilder s = new StringBuilder(200);
        s.append("imported ").append(count(inserted, "bar")).append(" of ").append(symbol).append(' ').append(timeframe)
                .append(" (").append(time(first)).append(" .. ").append(time(last)).append("), ")
                .append(String.format(Locale.ROOT, "%,d", skipped)).append(" already stored, ");
        Optional<Gap> largest = largestGap();
        if (largest.isEmpty()) {
            s.append("no gaps");
        } else {
            Gap g = largest.get();
            s.append(count(gaps.size(), "gap")).append(" (largest: ").append(time(g.after())).append(" → ")
                    .append(time(g.before())).append(", ").append(count(g.missingBars(), "missing bar")).append(')');
        }
        return s.toString();
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String time(Instant t) {
        return (t.getEpochSecond() % 60 == 0 && t.getNano() == 0 ? MINUTES : SECONDS).format(t);
    }
}
