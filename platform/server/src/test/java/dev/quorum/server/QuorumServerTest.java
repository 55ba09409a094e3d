package dev.quorum.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quorum.core.report.ReportFolder;

/** The server itself on real sockets: health, lifecycle, JSON errors for everything, and where it may bind. */
class QuorumServerTest {

    private static final ServerSettings LOOPBACK = new ServerSettings("127.0.0.1", 0);

    @TempDir
    Path tmp;

    @Test
    void healthCountsTheReports() throws Exception {
        ReportFolder folder = new ReportFolder(tmp.resolve("reports"));
        try (QuorumServer server = QuorumServer.start(LOOPBACK, TestClient.TOKEN, folder)) {
            TestClient client = new TestClient(server);
            assertHealth(client, 0);

            folder.write(LocalDate.of(2024, 3, 14), out -> out.write(new byte[] {1, 2, 3}));
            folder.write(LocalDate.of(2024, 3, 15), out -> out.write(new byte[] {4}));
            assertHealth(client, 2);
        }
    }

    private static void assertHealth(TestClient client, int reports) throws Exception {
        HttpResponse<byte[]> response = client.get("/api/health");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = TestClient.json(response.body());
        assertEquals("ok", body.get("status").asText());
        assertEquals(reports, body.get("reports").asInt());
        assertEquals(2, body.size());
    }

    @Test
    void listensOnTheRandomPortItReportsAndStopsOnClose() throws Exception {
        QuorumServer server = QuorumServer.start(LOOPBACK, TestClient.TOKEN, new ReportFolder(tmp));
        TestClient client = new TestClient(server);
        assertTrue(server.port() > 0);
        assertEquals(URI.create("http://127.0.0.1:" + server.port()), server.baseUri());
        assertEquals(200, client.get("/api/health").statusCode());

        server.close();

        assertThrows(ConnectException.class, () -> client.get("/api/health"));
        server.close(); // a second close is harmless
    }

    @Test
    void unknownRoutesAreJsonNotFound() throws Exception {
        try (QuorumServer server = QuorumServer.start(LOOPBACK, TestClient.TOKEN, new ReportFolder(tmp))) {
            TestClient client = new TestClient(server);
            for (String path : List.of("/nope", "/api", "/api/healthz", "/api/health/x",
                    "/api/reports/2024-03-14.pdf/extra", "/index.htm", "/vendor/nope.js")) {
                HttpResponse<byte[]> response = client.get(path);

                assertEquals(404, response.statusCode(), path);
                assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow(), path);
                assertTrue(TestClient.json(response.body()).get("error").asText().contains("not found"), path);
            }
            // the vendored chart library is the pinned npm release, unchanged (web/vendor/README.md)
            HttpResponse<byte[]> charts = new TestClient(server, null).get("/vendor/lightweight-charts.standalone.production.js");
            assertEquals(200, charts.statusCode());
            assertEquals("e21cc5caa0226ef30bd8549c50b9ef926615f2a4ee6b4e486353477a55f598cf",
                    java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(charts.body())));
            // the dashboard's page is served at / (public: it holds no data)
            HttpResponse<byte[]> page = new TestClient(server, null).get("/");
            assertEquals(200, page.statusCode());
            assertTrue(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8).contains("<title>Quorum"), "the dashboard");
        }
    }

    @Test
    void otherMethodsAreJsonMethodNotAllowed() throws Exception {
        try (QuorumServer server = QuorumServer.start(LOOPBACK, TestClient.TOKEN, new ReportFolder(tmp))) {
            TestClient client = new TestClient(server);
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                for (String path : List.of("/api/health", "/api/reports", "/api/reports/2024-03-14.pdf")) {
                    HttpResponse<byte[]> response = client.send(method, path);

                    assertEquals(405, response.statusCode(), method + " " + path);
                    assertTrue(response.headers().firstValue("Allow").orElseThrow().contains("GET"));
                    String error = TestClient.json(response.body()).get("error").asText();
                    assertTrue(error.contains(method) && error.contains(path), error);
                }
            }
        }
    }

    @Test
    void aFailureIsAnInternalErrorWithoutDetails() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("reports"), "a file where the folder should be");
        try (QuorumServer server = QuorumServer.start(LOOPBACK, TestClient.TOKEN, new ReportFolder(notADirectory))) {
            TestClient client = new TestClient(server);
            for (String path : List.of("/api/health", "/api/reports")) {
                HttpResponse<byte[]> response = client.get(path);

                assertEquals(500, response.statusCode(), path);
                assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
                assertEquals("{\"error\":\"internal error\"}", new String(response.body()));
            }
        }
    }

    @Test
    void anExceptionInAnyAreaIsAnInternalErrorWithoutDetails() throws Exception {
        Routes failing = routes -> routes.get("/api/boom", ctx -> {
            throw new IllegalStateException("secret detail at " + tmp);
        });
        Routes erring = routes -> routes.get("/api/error", ctx -> {
            throw new AssertionError("secret detail");
        });
        try (QuorumServer server = QuorumServer.start(LOOPBACK, TestClient.TOKEN, List.of(failing, erring))) {
            TestClient client = new TestClient(server);
            for (String path : List.of("/api/boom", "/api/error")) {
                HttpResponse<byte[]> response = client.get(path);

                assertEquals(500, response.statusCode(), path);
                assertEquals("{\"error\":\"internal error\"}", new String(response.body()), path);
            }
            assertEquals(404, client.get("/api/health").statusCode(), "only the areas given are registered");
        }
    }

    @Test
    void aMalformedEscapeIsABadRequest() throws Exception {
        try (QuorumServer server = QuorumServer.start(LOOPBACK, TestClient.TOKEN, new ReportFolder(tmp))) {
            TestClient client = new TestClient(server);
            for (String target : List.of("/api/reports/%u0032024-03-14.pdf", "/api/%zz", "/api/reports/%", "/api/reports/%ff")) {
                TestClient.Raw response = client.raw("GET", target);

                assertEquals(400, response.status(), target);
                assertEquals("application/json", response.header("Content-Type").orElse(""), target);
                assertFalse(response.text().contains("<html"), target);
                assertTrue(TestClient.json(response.body()).get("error").isTextual(), target);
            }
        }
    }

    @Test
    void refusesAHostThatIsNotLoopbackUnlessRemoteAccessIsAllowed() {
        for (String host : List.of("0.0.0.0", "::", "192.0.2.10")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> QuorumServer.start(new ServerSettings(host, 0), TestClient.TOKEN, new ReportFolder(tmp)));
            assertTrue(e.getMessage().contains("\"" + host + "\""), e.getMessage());
            assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        }
    }

    @Test
    void loopbackNamesAreAccepted() throws Exception {
        for (String host : List.of("localhost", "127.0.0.1")) {
            try (QuorumServer server = QuorumServer.start(new ServerSettings(host, 0), TestClient.TOKEN, new ReportFolder(tmp))) {
                assertEquals(200, new TestClient(server).get("/api/health").statusCode(), host);
            }
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (QuorumServer first = QuorumServer.start(LOOPBACK, TestClient.TOKEN, new ReportFolder(tmp))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> QuorumServer.start(new ServerSettings("127.0.0.1", first.port()), TestClient.TOKEN, new ReportFolder(tmp)));
            assertTrue(e.getMessage().contains("127.0.0.1:" + first.port()), e.getMessage());
        }
    }

    @Test
    void settingsHaveLoopbackDefaultsAndCheckThePort() {
        ServerSettings defaults = ServerSettings.defaults();
        assertEquals("127.0.0.1", defaults.host());
        assertEquals(7070, defaults.port());
        assertFalse(defaults.allowRemote());
        assertThrows(IllegalArgumentException.class, () -> new ServerSettings("127.0.0.1", -1));
        assertThrows(IllegalArgumentException.class, () -> new ServerSettings("127.0.0.1", 65_536));
        assertThrows(IllegalArgumentException.class, () -> new ServerSettings(" ", 0));
        assertTrue(new ServerSettings("0.0.0.0", 0, true).allowRemote());
    }

    @Test
    void theRawClientSeesTheSameAsTheHttpClient() throws IOException {
        try (QuorumServer server = QuorumServer.start(LOOPBACK, TestClient.TOKEN, new ReportFolder(tmp))) {
            TestClient.Raw raw = new TestClient(server).raw("GET", "/api/health");
            assertEquals(200, raw.status());
            assertEquals("{\"status\":\"ok\",\"reports\":0}", raw.text());
        }
    }
}
