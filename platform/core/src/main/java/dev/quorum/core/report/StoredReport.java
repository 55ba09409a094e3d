package dev.quorum.core.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One daily report found in a {@link ReportFolder}: the day it covers, the file that holds it, its size in
 * bytes and the SHA-256 of its content (lower-case hex), read when the folder was listed.
 *
 * @param day    the day the report covers, taken from the file name
 * @param file   the report's file, {@code quorum-YYYY-MM-DD.pdf} in the folder
 * @param size   the file's size in bytes
 * @param sha256 the SHA-256 of the file's bytes, 64 lower-case hex digits
 */
public record StoredReport(LocalDate day, Path file, long size, String sha256) {

    /** Checks the components. */
    public StoredReport {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
