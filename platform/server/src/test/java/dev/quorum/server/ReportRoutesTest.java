package dev.quorum.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quorum.core.report.ReportFolder;

/**
 * The report endpoints on a real server and a real folder: listing, download, and every way of asking for
 * something that is not a report, none of which may ever return a byte of a file outside the folder.
 */
class ReportRoutesTest {

    private static final String SECRET = "TOP-SECRET-7f3a9c";
    private static final LocalDate MAR_14 = LocalDate.of(2024, 3, 14);
    private static final LocalDate MAR_13 = LocalDate.of(2024, 3, 13);

    @TempDir
    Path tmp;

    private byte[] newer;
    private byte[] older;
    private QuorumServer server;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        ReportFolder folder = new ReportFolder(tmp.resolve("reports"));
        newer = new byte[200_000];
        new Random(14).nextBytes(newer);
        System.arraycopy("%PDF-1.7\n".getBytes(UTF_8), 0, newer, 0, 9);
        older = "%PDF-1.7\n% a small one\n%%EOF\n".getBytes(UTF_8);
        folder.write(MAR_14, out -> out.write(newer));
        folder.write(MAR_13, out -> out.write(older));
        // a secret beside the folder, and files inside it that are not reports
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Files.writeString(tmp.resolve("secret.pdf"), SECRET);
        Files.writeString(tmp.resolve("reports").resolve("notes.pdf"), SECRET);
        Files.writeString(tmp.resolve("reports").resolve("quorum-2024-13-45.pdf"), SECRET);
        server = QuorumServer.start(new ServerSettings("127.0.0.1", 0), TestClient.TOKEN, folder);
        client = new TestClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsTheReportsNewestFirstWithSizeHashAndUrl() throws Exception {
        HttpResponse<byte[]> response = client.get("/api/reports");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode list = TestClient.json(response.body());
        assertEquals(2, list.size());
        assertEntry(list.get(0), "2024-03-14", newer);
        assertEntry(list.get(1), "2024-03-13", older);
    }

    private static void assertEntry(JsonNode entry, String date, byte[] content) throws Exception {
        assertEquals(date, entry.get("date").asText());
        assertEquals(content.length, entry.get("size").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                entry.get("sha256").asText());
        assertEquals("/api/reports/" + date + ".pdf", entry.get("url").asText());
        assertEquals(4, entry.size(), entry.toString());
    }

    @Test
    void downloadsAReportByItsListedUrl() throws Exception {
        String url = TestClient.json(client.get("/api/reports").body()).get(0).get("url").asText();

        HttpResponse<byte[]> response = client.get(url);

        assertEquals(200, response.statusCode());
        assertArrayEquals(newer, response.body());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"quorum-2024-03-14.pdf\"",
                response.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(String.valueOf(newer.length), response.headers().firstValue("Content-Length").orElseThrow());

        HttpResponse<byte[]> small = client.get("/api/reports/2024-03-13.pdf");
        assertArrayEquals(older, small.body());
    }

    @Test
    void headOfAReportGivesItsHeadersWithoutTheBody() throws Exception {
        TestClient.Raw head = client.raw("HEAD", "/api/reports/2024-03-14.pdf");
        assertEquals(200, head.status());
        assertEquals(String.valueOf(newer.length), head.header("Content-Length").orElseThrow());
        assertEquals(0, head.body().length);

        assertEquals(404, client.raw("HEAD", "/api/reports/2024-03-15.pdf").status());
        assertEquals(400, client.raw("HEAD", "/api/reports/notes.pdf").status());
    }

    @Test
    void aNameThatIsNotAValidDateIsABadRequestThatSaysWhatWasExpected() throws Exception {
        for (String name : List.of("2024-02-30.pdf", "2024-3-14.pdf", "2024-13-45.pdf", "2024-03-14", "2024-03-14.PDF",
                "2024-03-14.pdf.bak", "quorum-2024-03-14.pdf", "notes.pdf", "x", "2024-03-14.pdf%20", "%2B2024-03-14.pdf")) {
            HttpResponse<byte[]> response = client.get("/api/reports/" + name);

            assertEquals(400, response.statusCode(), name);
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow(), name);
            String error = TestClient.json(response.body()).get("error").asText();
            assertTrue(error.contains("YYYY-MM-DD.pdf"), error);
            String shown = name.replace("%20", " ").replace("%2B", "+");
            assertTrue(error.contains("\"" + shown + "\""), "the error names the value: " + error);
            assertFalse(new String(response.body(), UTF_8).contains(SECRET), name);
        }
    }

    @Test
    void aValidDateWithoutAReportIsNotFound() throws Exception {
        HttpResponse<byte[]> response = client.get("/api/reports/2024-03-15.pdf");

        assertEquals(404, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no report for 2024-03-15", TestClient.json(response.body()).get("error").asText());
    }

    @Test
    void noTraversalAttemptReadsAnythingOutsideTheFolder() throws Exception {
        List<String> targets = List.of(
                "/api/reports/../secret.txt",
                "/api/reports/../../secret.txt",
                "/api/reports/..%2Fsecret.txt",
                "/api/reports/..%2F..%2Fsecret.txt",
                "/api/reports/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/api/reports/..%2F..%2Fetc%2Fpasswd",
                "/api/reports/%2e%2e%2fsecret.txt",
                "/api/reports/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/api/reports/%2e%2e/secret.txt",
                "/api/reports/.%2e/secret.pdf",
                "/api/reports/%252e%252e%252fsecret.txt",
                "/api/reports/..%252F..%252Fsecret.txt",
                "/api/reports/..\\secret.txt",
                "/api/reports/..%5Csecret.txt",
                "/api/reports/..%5c..%5csecret.pdf",
                "/api/reports/%2Fetc%2Fpasswd",
                "/api/reports//etc/passwd",
                "/api/reports/" + tmp.resolve("secret.txt").toString().replace("/", "%2F"),
                "/api/reports/file:%2F%2F%2Fetc%2Fpasswd",
                "/api/reports/2024-03-14.pdf%2F..%2F..%2Fsecret.txt",
                "/api/reports/2024-03-14.pdf/../../secret.txt",
                "/api/reports/..;/secret.txt",
                "/api/reports/%2e%2e;/secret.txt",
                "/api/reports/secret.txt%00.pdf",
                "/api/reports/2024-03-14.pdf%00",
                "/api/reports/%u002e%u002e%u002fsecret.txt",
                "/api/reports/%c0%ae%c0%ae%c0%afsecret.txt",
                "/api/reports/notes.pdf",
                "/api/reports/..",
                "/api/reports/.",
                "/api/%2e%2e/%2e%2e/secret.txt",
                "/api/reports/~/secret.txt");
        for (String target : targets) {
            TestClient.Raw response = client.raw("GET", target);

            assertTrue(response.status() == 400 || response.status() == 404, target + " -> " + response.status());
            assertEquals("application/json", response.header("Content-Type").orElse(""), target);
            assertTrue(TestClient.json(response.body()).get("error").isTextual(), target + " -> " + response.text());
            assertFalse(response.text().contains(SECRET), target);
            assertFalse(response.text().contains("root:"), target);
        }
    }

    @Test
    void traversalThroughAnHttpClientFindsNothingEither() throws Exception {
        for (String path : List.of("/api/reports/..%2Fsecret.txt", "/api/reports/%252e%252e%252fsecret.txt",
                "/api/reports/..%5Csecret.pdf", "/api/reports/../secret.txt")) {
            HttpResponse<byte[]> response = client.get(path);

            assertTrue(response.statusCode() == 400 || response.statusCode() == 404, path + " -> " + response.statusCode());
            assertFalse(new String(response.body(), UTF_8).contains(SECRET), path);
        }
    }
}
