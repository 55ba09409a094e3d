package dev.quorum.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.core.report.ReportFolder;

/**
 * Makes daily reports: loads a day from the store, lays it out as a PDF, writes it to the reports folder
 * atomically (a temporary file renamed over the final name, so a crash or a full disk never leaves a
 * truncated {@code quorum-YYYY-MM-DD.pdf}) and applies the retention.
 */
public final class DailyReports {

    private static final Logger log = LoggerFactory.getLogger(DailyReports.class);

    private final DailyReportLoader loader;
    private final PdfReportWriter writer = new PdfReportWriter();
    private final ReportFolder folder;
    private final int retentionDays;

    /**
     * @param loader        reads a day from the store
     * @param folder        where reports go
     * @param retentionDays reports older than this many days before the one written are deleted; 0 keeps all
     */
    public DailyReports(DailyReportLoader loader, ReportFolder folder, int retentionDays) {
        this.loader = loader;
        this.folder = folder;
        this.retentionDays = retentionDays;
    }

    /**
     * A report that was written.
     *
     * @param day     its day
     * @param file    its file
     * @param bytes   its size
     * @param pages   its pages
     * @param trades  the day's trades in it
     * @param took    the time it took to make (wall clock: load, lay out, write)
     * @param deleted older reports the retention deleted
     */
    public record Written(LocalDate day, Path file, long bytes, int pages, int trades, Duration took, List<Path> deleted) {
    }

    /**
     * @param runId       the run
     * @param day         the day, in {@code zone}
     * @param zone        the report's zone
     * @param generatedAt the engine clock now; null for a report made after the run
     * @return what was written
     * @throws IOException              when the file cannot be written (nothing under the final name changes)
     * @throws IllegalArgumentException when the run does not exist or did not cover the day
     */
    public Written write(long runId, LocalDate day, ZoneId zone, Instant generatedAt) throws IOException {
        long start = System.nanoTime();
        DailyReport report = loader.load(runId, day, zone, generatedAt);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
        int pages = writer.write(report, pdf);
        Path file = folder.write(day, pdf::writeTo);
        List<Path> deleted = folder.deleteOlderThan(day, retentionDays);
        Written w = new Written(day, file, pdf.size(), pages, report.trades().size(), Duration.ofNanos(System.nanoTime() - start), deleted);
        log.info("report {} written: {} ({} pages, {} bytes, {} trades, {} ms)", day, file, pages, w.bytes(), w.trades(), w.took().toMillis());
        deleted.forEach(d -> log.info("retention ({} days): deleted {}", retentionDays, d));
        return w;
    }

    /** @return the reports folder */
    public ReportFolder folder() {
        return folder;
    }
}
