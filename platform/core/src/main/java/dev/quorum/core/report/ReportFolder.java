package dev.quorum.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder where the daily PDF reports live, one file per day named {@code quorum-YYYY-MM-DD.pdf} (ISO
 * local date). A report is written to a hidden temporary file in the same folder, forced to disk and then
 * moved over its final name in one atomic step: a crash or a full disk leaves either the previous report
 * with that name or the new one, never a truncated file under the final name. Only names that match the
 * pattern exactly, with a real date, count as reports; everything else in the folder is ignored, except
 * that {@link #deleteOlderThan} also removes temporary files left behind by a crash.
 */
public final class ReportFolder {

    /** Writes the body of a report. */
    @FunctionalInterface
    public interface Writer {

        /**
         * Writes the report's bytes.
         *
         * @param out where to write; the caller closes it
         * @throws IOException if the report cannot be written
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReportFolder.class);
    private static final String PREFIX = "quorum-";
    private static final String SUFFIX = ".pdf";
    private static final Pattern REPORT = Pattern.compile("quorum-(\\d{4}-\\d{2}-\\d{2})\\.pdf");
    private static final Pattern TEMP = Pattern.compile("\\.quorum-.*\\.tmp");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DAY_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    /** How old a temporary file must be before retention treats it as left behind by a crash. */
    private static final Duration STALE_TEMP = Duration.ofHours(1);

    private final Path dir;

    /**
     * A report folder; the directory need not exist yet.
     *
     * @param dir the directory that holds the reports
     */
    public ReportFolder(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** @return the directory that holds the reports */
    public Path dir() {
        return dir;
    }

    /**
     * The file that holds (or will hold) the report of a day.
     *
     * @param day the day
     * @return {@code <dir>/quorum-YYYY-MM-DD.pdf}
     */
    public Path fileFor(LocalDate day) {
        return dir.resolve(PREFIX + DAY_FORMAT.format(Objects.requireNonNull(day, "day")) + SUFFIX);
    }

    /**
     * Writes the report of a day atomically: to a temporary file in the folder (created if needed), forced to
     * disk, then moved over {@link #fileFor the final name}. If anything fails the temporary file is deleted
     * and a report already stored under that name is left as it was.
     *
     * @param day  the day the report covers
     * @param body writes the report's bytes
     * @return the final file
     * @throws IOException if the report cannot be written; the message names the file
     */
    public Path write(LocalDate day, Writer body) throws IOException {
        Objects.requireNonNull(body, "body");
        Path target = fileFor(day);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.debug("wrote report {}", target);
            return target;
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            if (e instanceof IOException) {
                throw new IOException("cannot write report " + target + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * The reports in the folder, newest day first. Files whose names do not match
     * {@code quorum-YYYY-MM-DD.pdf} with a real date are ignored; a missing folder has no reports.
     *
     * @return the reports, each with its size and SHA-256
     * @throws IOException if the folder or a report cannot be read
     */
    public List<StoredReport> list() throws IOException {
        List<StoredReport> reports = new ArrayList<>();
        for (Path file : entries()) {
            Optional<LocalDate> day = reportDay(file);
            if (day.isPresent() && Files.isRegularFile(file)) {
                describe(day.get(), file).ifPresent(reports::add);
            }
        }
        reports.sort(Comparator.comparing(StoredReport::day).reversed());
        return List.copyOf(reports);
    }

    /**
     * The report of a day, if there is one.
     *
     * @param day the day
     * @return the report, or empty if the folder holds none for that day
     * @throws IOException if the report exists but cannot be read
     */
    public Optional<StoredReport> find(LocalDate day) throws IOException {
        Path file = fileFor(day);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return describe(day, file);
    }

    /**
     * Retention: deletes the reports dated before the last {@code keepDays} days up to {@code newest}, that
     * is before {@code newest.minusDays(keepDays - 1)}, and temporary files older than an hour. Reports dated
     * after {@code newest} are kept; {@code keepDays <= 0} keeps every report.
     *
     * @param newest   the newest day to count from, usually today
     * @param keepDays how many days to keep, {@code newest} included; 0 or less keeps all
     * @return the files deleted
     * @throws IOException if the folder cannot be read or a file cannot be deleted
     */
    public List<Path> deleteOlderThan(LocalDate newest, int keepDays) throws IOException {
        Objects.requireNonNull(newest, "newest");
        LocalDate oldestKept = keepDays <= 0 ? null : newest.minusDays(keepDays - 1L);
        Instant staleBefore = Instant.now().minus(STALE_TEMP);
        List<Path> deleted = new ArrayList<>();
        for (Path file : entries()) {
            Optional<LocalDate> day = reportDay(file);
            boolean expired = day.isPresent() && oldestKept != null && day.get().isBefore(oldestKept)
                    && Files.isRegularFile(file);
            if (expired || isStaleTemp(file, staleBefore)) {
                if (Files.deleteIfExists(file)) {
                    deleted.add(file);
                    LOG.info("deleted {}", file);
                }
            }
        }
        deleted.sort(Comparator.naturalOrder());
        return List.copyOf(deleted);
    }

    /**
     * Parses a day written strictly as {@code yyyy-MM-dd}: four-digit year, two-digit month and day, a date
     * that exists.
     *
     * @param text the text, may be null
     * @return the day, or empty for anything else ({@code 2024-02-30}, {@code 2024-3-14}, {@code ../x})
     */
    public static Optional<LocalDate> parseDay(String text) {
        if (text == null || !DAY.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DAY_FORMAT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private List<Path> entries() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return files;
    }

    private static Optional<LocalDate> reportDay(Path file) {
        Matcher m = REPORT.matcher(file.getFileName().toString());
        return m.matches() ? parseDay(m.group(1)) : Optional.empty();
    }

    private static boolean isStaleTemp(Path file, Instant staleBefore) throws IOException {
        if (!TEMP.matcher(file.getFileName().toString()).matches() || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return modified.toInstant().isBefore(staleBefore);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Size and hash of a report; empty if it vanished meanwhile (retention running concurrently). */
    private static Optional<StoredReport> describe(LocalDate day, Path file) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException("cannot read report " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(new StoredReport(day, file, size, HexFormat.of().formatHex(digest.digest())));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void deleteQuietly(Path temp, Throwable cause) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "ReportFolder[" + dir + "]";
    }
}
