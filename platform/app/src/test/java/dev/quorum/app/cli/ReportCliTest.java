package dev.quorum.app.cli;

import static dev.quorum.app.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./quorum report} and {@code ./quorum serve} as a user runs them, in-process: a Quorum home in a temp
 * directory with the shipped config, the distribution's bundled plugin zips, the embedded candles and a real H2
 * file database (the same setup as {@link QuorumCliTest}).
 */
class ReportCliTest {

    private static final Path ROOT = Path.of(System.getProperty("quorum.root"));
    private static final List<String> DAYS = List.of("2018-04-04", "2018-04-05", "2018-04-06");
    private static final Pattern SERVING = Pattern.compile(
            "serving (\\d+) report\\(s\\) from (.+) at (http://127\\.0\\.0\\.1:(\\d+))/api/reports\\R");
    private static final Pattern TRADES = Pattern.compile("report (\\d{4}-\\d{2}-\\d{2}): .*, (\\d+) trades?, ");

    @TempDir
    Path home;

    @BeforeEach
    void home() throws IOException {
        CliHome.prepare(home, config -> config);
    }

    @AfterEach
    void clear() {
        CliHome.clear();
    }

    // --- (a) one day, and the reports the backtest wrote itself ---

    @Test
    void theBacktestWritesEachDaysReportAndReportDateWritesOneAgain() throws IOException {
        backtest();
        for (String day : DAYS) {
            Path file = report(day);
            assertTrue(Files.isRegularFile(file), "reports.duringRuns defaults to true: " + file);
            assertPdf(file);
        }
        Files.delete(report("2018-04-05"));

        CliRun r = run("report", "--date", "2018-04-05");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("report 2018-04-05: reports/quorum-2018-04-05.pdf, "), r.out);
        assertTrue(r.out.strip().endsWith("(run 1)"), "the latest finished run covering the day: " + r.out);
        assertEquals(1, r.out.strip().lines().count(), r.out);
        assertPdf(report("2018-04-05"));
        assertTrue(Files.isRegularFile(report("2018-04-04")) && Files.isRegularFile(report("2018-04-06")), "the others are untouched");
    }

    @Test
    void withoutRunTheLatestFinishedRunThatCoversTheDayIsReported() {
        backtest();
        backtest();
        CliRun r = run("report", "--date", "2018-04-05");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.strip().endsWith("(run 2)"), "run 2 is the latest: " + r.out);
        CliRun first = run("report", "--date", "2018-04-05", "--run", "1");
        assertEquals(0, first.code, first.err);
        assertTrue(first.out.strip().endsWith("(run 1)"), first.out);
    }

    @Test
    void theLastDayOfTheRunCanBeReportedWithAnExplicitRun() {
        backtest();
        CliRun r = run("report", "--date", "2018-04-06", "--run", "1");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("report 2018-04-06: reports/quorum-2018-04-06.pdf, "), r.out);
    }

    // --- (b) a range ---

    @Test
    void aRangeWritesOneReportPerDay() throws IOException {
        backtest();
        for (String day : DAYS) {
            Files.delete(report(day));
        }
        CliRun r = run("report", "--from", "2018-04-04", "--to", "2018-04-06");
        assertEquals(0, r.code, r.err);
        List<String> lines = r.out.strip().lines().toList();
        assertEquals(3, lines.size(), r.out);
        for (int i = 0; i < DAYS.size(); i++) {
            String day = DAYS.get(i);
            assertTrue(lines.get(i).startsWith("report " + day + ": reports/quorum-" + day + ".pdf, "), "oldest first: " + r.out);
            assertTrue(lines.get(i).endsWith("(run 1)"), r.out);
            assertPdf(report(day));
        }
    }

    @Test
    void aRangeOfOneDayIsAllowed() {
        backtest();
        CliRun r = run("report", "--from", "2018-04-05", "--to", "2018-04-05");
        assertEquals(0, r.code, r.err);
        assertEquals(1, r.out.strip().lines().count(), r.out);
    }

    @Test
    void theReportTimezoneOptionIsUsed() throws IOException {
        backtest();
        Files.delete(report("2018-04-05"));
        CliRun r = run("report", "--date", "2018-04-05", "--timezone", "America/New_York");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("report 2018-04-05: reports/quorum-2018-04-05.pdf, "), r.out);
        assertPdf(report("2018-04-05"));
    }

    // --- (c) bad input ---

    @Test
    void aDateThatDoesNotExistIsAUsageError() {
        CliRun r = run("report", "--date", "2018-02-30");
        assertEquals(2, r.code, r.out + r.err);
        assertTrue(r.err.contains("--date 2018-02-30: not a date; expected YYYY-MM-DD"), r.err);
        for (String bad : List.of("2018-4-5", "05.04.2018", "tomorrow")) {
            CliRun b = run("report", "--date", bad);
            assertEquals(2, b.code, bad);
            assertTrue(b.err.contains(bad + ": not a date; expected YYYY-MM-DD"), b.err);
        }
        CliRun from = run("report", "--from", "2018-04-04", "--to", "2018-13-01");
        assertEquals(2, from.code);
        assertTrue(from.err.contains("--to 2018-13-01: not a date; expected YYYY-MM-DD"), from.err);
        assertFalse(Files.exists(home.resolve("reports")), "nothing was written");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsAUsageError() {
        CliRun r = run("report", "--from", "2018-04-06", "--to", "2018-04-04");
        assertEquals(2, r.code, r.out + r.err);
        assertTrue(r.err.contains("--to 2018-04-04 is before --from 2018-04-06"), r.err);
    }

    @Test
    void aRangeOfMoreThanAYearIsAUsageError() {
        CliRun r = run("report", "--from", "2018-01-01", "--to", "2019-06-01");
        assertEquals(2, r.code, r.out + r.err);
        assertTrue(r.err.contains("spans more than 366 days"), r.err);
    }

    @Test
    void noDayIsAUsageError() {
        CliRun none = run("report");
        assertEquals(2, none.code, none.out + none.err);
        assertTrue(none.err.contains("which day? give --date YYYY-MM-DD, or --from and --to"), none.err);
        CliRun half = run("report", "--from", "2018-04-04");
        assertEquals(2, half.code, "--from without --to");
        assertTrue(half.err.contains("which day?"), half.err);
        CliRun both = run("report", "--date", "2018-04-05", "--from", "2018-04-04", "--to", "2018-04-06");
        assertEquals(2, both.code);
        assertTrue(both.err.contains("give either --date or --from/--to, not both"), both.err);
    }

    @Test
    void aTimezoneThatIsNotAZoneIsAUsageError() {
        CliRun r = run("report", "--date", "2018-04-05", "--timezone", "Mars/Olympus");
        assertEquals(2, r.code, r.out + r.err);
        assertTrue(r.err.contains("--timezone Mars/Olympus: not a time zone"), r.err);
    }

    @Test
    void aDayNoRunCoversIsAFailureListingTheRuns() {
        backtest();
        CliRun r = run("report", "--date", "2019-01-01");
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.err.contains("error: no finished run covers 2019-01-01 (UTC)"), r.err);
        assertTrue(r.err.contains("finished runs: #1 2018-04-04..2018-04-06"), r.err);
        CliRun after = run("report", "--date", "2018-04-07");
        assertEquals(1, after.code, "the run ends at midnight before 2018-04-07: " + after.out + after.err);
        assertTrue(after.err.contains("no finished run covers 2018-04-07"), after.err);
        assertFalse(Files.exists(report("2019-01-01")));
        assertFalse(Files.exists(report("2018-04-07")));
    }

    @Test
    void aRunThatDoesNotExistIsAFailure() {
        backtest();
        CliRun r = run("report", "--run", "999", "--date", "2018-04-05");
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.err.contains("error: there is no run 999"), r.err);
    }

    @Test
    void aRunThatDoesNotCoverTheDayIsAFailure() {
        backtest();
        CliRun r = run("report", "--run", "1", "--date", "2018-04-08");
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.err.contains("error: run 1 covers "), r.err);
        assertTrue(r.err.contains("not 2018-04-08"), r.err);
    }

    @Test
    void aStoreWithoutRunsIsAFailureThatSaysSo() {
        CliRun r = run("report", "--date", "2018-04-05");
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.err.contains("error: no finished run covers 2018-04-05 (UTC); the store has no runs yet"), r.err);
        assertFalse(Files.exists(report("2018-04-05")));
    }

    @Test
    void helpIsAvailableForBothCommands() {
        for (String command : List.of("report", "serve")) {
            CliRun r = run(command, "--help");
            assertEquals(0, r.code, command);
            assertTrue(r.out.contains("Usage: quorum " + command), r.out);
        }
    }

    // --- the reports section of the config, during a run ---

    @Test
    void theReportsWrittenDuringTheRunHoldTheSameTradesAsReportsWrittenAfterIt() {
        CliRun backtest = run("backtest");
        assertEquals(0, backtest.code, backtest.err);
        CliRun after = run("report", "--from", "2018-04-04", "--to", "2018-04-06");
        assertEquals(0, after.code, after.err);
        assertEquals(tradesPerDay(after.out), tradesPerDay(backtest.err),
                "at 00:05 every bar of the day just ended is stored: " + backtest.err + after.out);
    }

    @Test
    void aMidnightScheduleReportsEveryTradeOfTheDayJustEnded() throws IOException {
        setSchedule("0 0 * * *");
        CliRun backtest = run("backtest");
        assertEquals(0, backtest.code, backtest.err);
        CliRun after = run("report", "--from", "2018-04-04", "--to", "2018-04-06");
        assertEquals(0, after.code, after.err);
        assertEquals(tradesPerDay(after.out), tradesPerDay(backtest.err), backtest.err + after.out);
    }

    @Test
    void reportsGoToTheConfiguredDirAndNotDuringRunsWhenSwitchedOff() throws IOException {
        editConfig("  dir: reports\n", "  dir: out/daily\n");
        editConfig("  duringRuns: true\n", "  duringRuns: false\n");
        CliRun backtest = run("backtest");
        assertEquals(0, backtest.code, backtest.err);
        assertFalse(backtest.err.contains("report 2018-"), backtest.err);
        assertFalse(Files.exists(home.resolve("out/daily")), "nothing written during the run");
        assertFalse(Files.exists(home.resolve("reports")));

        CliRun r = run("report", "--date", "2018-04-05");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("report 2018-04-05: out/daily/quorum-2018-04-05.pdf, "), r.out);
        assertPdf(home.resolve("out/daily/quorum-2018-04-05.pdf"));
    }

    @Test
    void theRetentionDeletesReportsOlderThanTheLastDaysWritten() throws IOException {
        editConfig("  retentionDays: 90\n", "  retentionDays: 2\n");
        assertEquals(0, run("backtest").code);
        assertFalse(Files.exists(report("2018-04-04")), "two days before 2018-04-06");
        assertTrue(Files.isRegularFile(report("2018-04-05")));
        assertTrue(Files.isRegularFile(report("2018-04-06")));
    }

    @Test
    void theConfiguredTimezoneDecidesTheDays() throws IOException {
        editConfig("  timezone: UTC\n", "  timezone: America/New_York\n");
        CliRun backtest = run("backtest");
        assertEquals(0, backtest.code, backtest.err);
        for (String day : List.of("2018-04-03", "2018-04-04", "2018-04-05", "2018-04-06")) {
            assertTrue(backtest.err.contains("report " + day + ": reports/quorum-" + day + ".pdf"),
                    "00:00 UTC on 2018-04-04 is 20:00 on 2018-04-03 in New York: " + backtest.err);
        }
        CliRun r = run("report", "--date", "2018-04-03");
        assertEquals(0, r.code, r.err);
        CliRun utc = run("report", "--date", "2018-04-03", "--timezone", "UTC");
        assertEquals(1, utc.code, utc.out + utc.err);
        assertTrue(utc.err.contains("no finished run covers 2018-04-03 (UTC)"), utc.err);
    }

    // --- (d) serve ---

    @Test
    @Timeout(120)
    void serveListsTheReportsAndServesThemByteForByte() throws Exception {
        backtest();
        try (Serve serve = new Serve("serve", "--port", "0")) {
            assertEquals("3", serve.line.group(1), serve.out.text());
            assertEquals(home.resolve("reports").toString(), serve.line.group(2), serve.out.text());
            assertTrue(serve.port() > 0 && serve.port() != 7070, "--port 0 picks a free port: " + serve.port());
            checkListingAndDownloads(serve.base());
            assertTrue(serve.thread.isAlive(), "serve blocks until stopped");
            assertFalse(serve.out.text().contains("stopped"), serve.out.text());
            serve.stop();
            assertEquals(null, serve.crashed.get());
            assertPortClosed(serve.port());
        }
    }

    @Test
    @Timeout(120)
    void anInterruptedServeStopsTheServerPrintsStoppedAndReturnsZero() throws Exception {
        backtest();
        try (Serve serve = new Serve("serve", "--port", "0")) {
            checkListingAndDownloads(serve.base());
            serve.stop();
            assertEquals(null, serve.crashed.get());
            assertEquals(0, serve.code.get(), serve.out.text() + serve.err.text());
            assertEquals("", serve.err.text());
            assertTrue(serve.out.text().strip().endsWith("stopped"), serve.out.text());
            assertPortClosed(serve.port());
        }
    }

    @Test
    @Timeout(120)
    void serveWithoutReportsListsNone() throws Exception {
        try (Serve serve = new Serve("serve", "--port", "0", "--host", "127.0.0.1");
             HttpClient http = HttpClient.newHttpClient()) {
            assertEquals("0", serve.line.group(1), serve.out.text());
            HttpResponse<String> list = http.send(get(serve.base() + "/api/reports"), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode(), list.body());
            assertEquals("[]", list.body().strip());
            serve.stop();
        }
    }

    @Test
    void serveRefusesANonLoopbackHost() {
        CliRun r = run("serve", "--port", "0", "--host", "0.0.0.0");
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.err.contains("refusing to listen on \"0.0.0.0\""), r.err);
    }

    /** GET /api/reports lists the three reports newest first with their size and hash; each downloads as its file. */
    private void checkListingAndDownloads(String base) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> list = http.send(get(base + "/api/reports"), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode(), list.body());
            assertTrue(list.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), list.headers().toString());
            JsonNode reports = new ObjectMapper().readTree(list.body());
            assertTrue(reports.isArray(), list.body());
            List<String> dates = new ArrayList<>();
            for (JsonNode entry : reports) {
                String date = entry.path("date").asText();
                dates.add(date);
                byte[] bytes = Files.readAllBytes(report(date));
                assertEquals(bytes.length, entry.path("size").asLong(), list.body());
                assertEquals(sha256(bytes), entry.path("sha256").asText(), list.body());
                assertEquals("/api/reports/" + date + ".pdf", entry.path("url").asText(), list.body());
            }
            assertEquals(List.of("2018-04-06", "2018-04-05", "2018-04-04"), dates, "newest first: " + list.body());

            HttpResponse<byte[]> pdf = http.send(get(base + reports.get(1).path("url").asText()), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(Files.readAllBytes(report("2018-04-05")), pdf.body(), "the download is the file, byte for byte");

            HttpResponse<String> missing = http.send(get(base + "/api/reports/2019-01-01.pdf"), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode(), missing.body());
            assertTrue(missing.body().contains("no report for 2019-01-01"), missing.body());
            HttpResponse<String> bad = http.send(get(base + "/api/reports/2018-02-30.pdf"), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode(), bad.body());
        }
    }

    private void assertPortClosed(int port) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            assertThrows(ConnectException.class, () -> http.send(get("http://127.0.0.1:" + port + "/api/health"),
                    HttpResponse.BodyHandlers.discarding()), "the server is closed");
        }
    }

    /** {@code quorum serve ...} on a thread of its own, started and waited for until it prints where it serves. */
    private static final class Serve implements AutoCloseable {

        final ConcurrentOutput out = new ConcurrentOutput();
        final ConcurrentOutput err = new ConcurrentOutput();
        final AtomicInteger code = new AtomicInteger(-1);
        final AtomicReference<Throwable> crashed = new AtomicReference<>();
        final Thread thread;
        final Matcher line;

        Serve(String... args) throws InterruptedException {
            thread = new Thread(() -> {
                try {
                    code.set(QuorumCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true)));
                } catch (Throwable t) {
                    crashed.set(t);
                }
            }, "test-serve");
            thread.setDaemon(true);
            thread.start();
            line = awaitLine(thread, out, err, SERVING, Duration.ofSeconds(60));
        }

        String base() {
            return line.group(3);
        }

        int port() {
            return Integer.parseInt(line.group(4));
        }

        /** Interrupts the command's thread and waits for the command to return. */
        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(Duration.ofSeconds(30));
            assertFalse(thread.isAlive(), "serve returns once its thread is interrupted: " + out.text() + err.text());
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(30));
            }
        }
    }

    // --- helpers ---

    /** A writer that the command's thread appends to while the test thread reads it. */
    private static final class ConcurrentOutput extends Writer {

        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        synchronized String text() {
            return text.toString();
        }
    }

    private static Matcher awaitLine(Thread command, ConcurrentOutput out, ConcurrentOutput err, Pattern line, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = line.matcher(out.text());
            if (m.find()) {
                return m;
            }
            if (!command.isAlive()) {
                fail("the command ended before printing " + line + "\nout: " + out.text() + "\nerr: " + err.text());
            }
            Thread.sleep(20);
        }
        return fail("no line " + line + " within " + timeout + "\nout: " + out.text() + "\nerr: " + err.text());
    }

    /** A GET with the API token serve made in the home (var/server-token), when there is one. */
    private HttpRequest get(String uri) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET();
        Path token = home.resolve("var/server-token");
        if (Files.exists(token)) {
            b.header("Authorization", "Bearer " + Files.readString(token).strip());
        }
        return b.build();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void assertPdf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " has " + bytes.length + " bytes");
        assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.ISO_8859_1), file.toString());
    }

    /** Day to trade count, from the lines {@code report DAY: FILE, N pages, N KB, N trades, ...}. */
    private static java.util.Map<String, Integer> tradesPerDay(String output) {
        java.util.Map<String, Integer> trades = new java.util.TreeMap<>();
        Matcher m = TRADES.matcher(output);
        while (m.find()) {
            trades.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(DAYS, List.copyOf(trades.keySet()), output);
        return trades;
    }

    private void setSchedule(String schedule) throws IOException {
        editConfig("  schedule: \"5 0 * * *\"\n", "  schedule: \"" + schedule + "\"\n");
    }

    /**
     * Sets one key of the reports section of the home's config: replaces its line in the section, or adds it to
     * the section (creating the section if the config has none).
     */
    private void editConfig(String line, String replacement) throws IOException {
        Path config = home.resolve("config/quorum.yaml");
        String text = Files.readString(config);
        int reports = text.indexOf("\nreports:\n");
        if (reports < 0) {
            text = text + "\nreports:\n";
            reports = text.indexOf("\nreports:\n");
        }
        int at = text.indexOf(line, reports);
        int next = nextSection(text, reports + "\nreports:\n".length());
        if (at >= 0 && at < next) {
            text = text.substring(0, at) + replacement + text.substring(at + line.length());
        } else {
            int end = reports + "\nreports:\n".length();
            text = text.substring(0, end) + replacement + text.substring(end);
        }
        Files.writeString(config, text);
    }

    /** @return where the next top-level key after {@code from} starts, or the end */
    private static int nextSection(String text, int from) {
        Matcher m = Pattern.compile("(?m)^[A-Za-z]").matcher(text);
        return m.find(from) ? m.start() : text.length();
    }

    private Path report(String day) {
        return home.resolve("reports/quorum-" + day + ".pdf");
    }

    private void backtest() {
        CliRun r = run("backtest");
        assertEquals(0, r.code, r.err);
    }

}
