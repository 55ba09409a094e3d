package dev.quorum.core.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder on real files: atomic writes, a strict listing and retention. */
class ReportFolderTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 14);

    @TempDir
    Path tmp;

    @Test
    void writesReportsAndListsThemNewestFirstWithSizeAndSha256() throws Exception {
        ReportFolder folder = new ReportFolder(tmp.resolve("reports").resolve("daily"));
        byte[] older = "%PDF-1.7 older".getBytes(UTF_8);
        byte[] newer = "%PDF-1.7 newer report, a little longer".getBytes(UTF_8);

        Path first = folder.write(DAY.minusDays(1), out -> out.write(older));
        Path second = folder.write(DAY, out -> out.write(newer));

        assertEquals(folder.fileFor(DAY), second);
        assertEquals("quorum-2024-03-14.pdf", second.getFileName().toString());
        assertEquals("quorum-2024-03-13.pdf", first.getFileName().toString());
        assertArrayEquals(newer, Files.readAllBytes(second));

        List<StoredReport> reports = folder.list();
        assertEquals(List.of(DAY, DAY.minusDays(1)), reports.stream().map(StoredReport::day).toList());
        assertEquals(new StoredReport(DAY, second, newer.length, sha256(newer)), reports.get(0));
        assertEquals(new StoredReport(DAY.minusDays(1), first, older.length, sha256(older)), reports.get(1));
        assertEquals(Optional.of(reports.get(0)), folder.find(DAY));
        assertEquals(Optional.empty(), folder.find(DAY.plusDays(1)));
        assertEquals(2, countFiles(folder.dir()),
                "no temporary file is left after a successful write");
    }

    @Test
    void aMissingFolderHasNoReports() throws Exception {
        ReportFolder folder = new ReportFolder(tmp.resolve("absent"));
        assertEquals(List.of(), folder.list());
        assertEquals(Optional.empty(), folder.find(DAY));
        assertEquals(List.of(), folder.deleteOlderThan(DAY, 1));
    }

    @Test
    void aWriterThatFailsMidwayKeepsTheOldReportAndLeavesNoTempFile() throws Exception {
        ReportFolder folder = new ReportFolder(tmp);
        byte[] old = "%PDF-1.7 the report from the first run".getBytes(UTF_8);
        folder.write(DAY, out -> out.write(old));

        IOException e = assertThrows(IOException.class, () -> folder.write(DAY, out -> {
            out.write("%PDF-1.7 half of a new rep".getBytes(UTF_8));
            throw new IOException("No space left on device");
        }));

        assertTrue(e.getMessage().contains("quorum-2024-03-14.pdf"), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertArrayEquals(old, Files.readAllBytes(folder.fileFor(DAY)), "the old report is intact");
        assertEquals(1, countFiles(tmp), "only the old report is left");
        assertEquals(sha256(old), folder.find(DAY).orElseThrow().sha256());
    }

    @Test
    void aWriterThatFailsWithARuntimeExceptionLeavesNothingBehind() throws Exception {
        ReportFolder folder = new ReportFolder(tmp);
        assertThrows(IllegalStateException.class, () -> folder.write(DAY, out -> {
            out.write(1);
            throw new IllegalStateException("chart failed");
        }));
        assertEquals(0, countFiles(tmp));
        assertEquals(Optional.empty(), folder.find(DAY));
    }

    @Test
    void aSuccessfulRewriteReplacesTheReport() throws Exception {
        ReportFolder folder = new ReportFolder(tmp);
        folder.write(DAY, out -> out.write("first".getBytes(UTF_8)));
        folder.write(DAY, out -> out.write("second".getBytes(UTF_8)));
        assertEquals("second", Files.readString(folder.fileFor(DAY)));
        assertEquals(1, folder.list().size());
    }

    @Test
    void theListingIgnoresEverythingButExactReportNames() throws Exception {
        ReportFolder folder = new ReportFolder(tmp);
        folder.write(DAY, out -> out.write(1));
        for (String junk : List.of(".quorum-2024-03-15.pdf.1234.tmp", "quorum-2024-13-45.pdf", "quorum-2024-02-30.pdf",
                "quorum-2024-3-14.pdf", "quorum-2024-03-14.pdf.bak", "quorum-2024-03-14.PDF", "Quorum-2024-03-14.pdf",
                "xquorum-2024-03-14.pdf", "quorum-+2024-03-14.pdf", "notes.txt", "quorum-.pdf")) {
            Files.writeString(tmp.resolve(junk), "junk");
        }
        Files.createDirectory(tmp.resolve("quorum-2024-03-16.pdf"));

        assertEquals(List.of(DAY), folder.list().stream().map(StoredReport::day).toList());
        assertEquals(Optional.empty(), folder.find(LocalDate.of(2024, 3, 16)), "a directory is not a report");
    }

    @Test
    void retentionKeepsExactlyKeepDaysUpToNewestAndEverythingLater() throws Exception {
        ReportFolder folder = new ReportFolder(tmp);
        for (int d = 1; d <= 10; d++) {
            folder.write(LocalDate.of(2024, 3, d), out -> out.write(2));
        }
        LocalDate newest = LocalDate.of(2024, 3, 7);

        List<Path> deleted = folder.deleteOlderThan(newest, 3);

        assertEquals(List.of(1, 2, 3, 4).stream().map(d -> folder.fileFor(LocalDate.of(2024, 3, d))).toList(), deleted);
        assertEquals(List.of(10, 9, 8, 7, 6, 5), folder.list().stream().map(r -> r.day().getDayOfMonth()).toList(),
                "5, 6, 7 are the three days up to the newest, 8..10 come after it");
        assertEquals(List.of(), folder.deleteOlderThan(newest, 3), "a second run finds nothing more");
    }

    @Test
    void retentionOfOneDayKeepsOnlyTheNewestAndLater() throws Exception {
        ReportFolder folder = new ReportFolder(tmp);
        for (int d = 1; d <= 3; d++) {
            folder.write(LocalDate.of(2024, 3, d), out -> out.write(3));
        }
        folder.deleteOlderThan(LocalDate.of(2024, 3, 2), 1);
        assertEquals(List.of(3, 2), folder.list().stream().map(r -> r.day().getDayOfMonth()).toList());
    }

    @Test
    void retentionOfZeroOrLessKeepsEverything() throws Exception {
        ReportFolder folder = new ReportFolder(tmp);
        folder.write(LocalDate.of(2000, 1, 1), out -> out.write(4));
        folder.write(DAY, out -> out.write(4));
        assertEquals(List.of(), folder.deleteOlderThan(DAY, 0));
        assertEquals(List.of(), folder.deleteOlderThan(DAY, -5));
        assertEquals(2, folder.list().size());
    }

    @Test
    void retentionDeletesTempFilesLeftByACrashOnlyOnceTheyAreStale() throws Exception {
        ReportFolder folder = new ReportFolder(tmp);
        Path stale = Files.writeString(tmp.resolve(".quorum-2024-03-14.pdf.dead.tmp"), "half");
        Path fresh = Files.writeString(tmp.resolve(".quorum-2024-03-15.pdf.busy.tmp"), "being written");
        Path other = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        Files.setLastModifiedTime(stale, FileTime.from(twoHoursAgo));
        Files.setLastModifiedTime(other, FileTime.from(twoHoursAgo));

        assertEquals(List.of(stale), folder.deleteOlderThan(DAY, 0), "temp files go even when all reports are kept");
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh), "a temp file may belong to a write in progress");
        assertTrue(Files.exists(other), "files that are not ours are left alone");
    }

    @Test
    void parseDayIsStrict() {
        assertEquals(Optional.of(DAY), ReportFolder.parseDay("2024-03-14"));
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), ReportFolder.parseDay("2024-02-29"));
        for (String bad : new String[] {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-3-14", "2024-03-4",
                "24-03-14", "+2024-03-14", "20240314", "2024-03-14 ", " 2024-03-14", "2024-03-14.pdf", "2024/03/14",
                "../x", "..%2F..", "", "２０２４-03-14"}) {
            assertEquals(Optional.empty(), ReportFolder.parseDay(bad), bad);
        }
        assertEquals(Optional.empty(), ReportFolder.parseDay(null));
    }

    @Test
    void fileForNamesTheReportInTheFolder() {
        ReportFolder folder = new ReportFolder(tmp);
        assertEquals(tmp.resolve("quorum-2024-03-14.pdf"), folder.fileFor(DAY));
        assertEquals(tmp.resolve("quorum-0999-01-02.pdf"), folder.fileFor(LocalDate.of(999, 1, 2)));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
