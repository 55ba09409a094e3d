package dev.quorum.server;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a running server two ways: {@link HttpClient} for ordinary requests, and a raw socket that sends
 * the request target byte for byte, for paths an HTTP client would normalise or refuse.
 */
final class TestClient {

    /** A response read off the wire. */
    record Raw(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, UTF_8);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The token the test servers are started with. */
    static final ApiToken TOKEN = token();

    private static ApiToken token() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("quorum-token");
            dir.toFile().deleteOnExit();
            ApiToken t = ApiToken.loadOrCreate(dir.resolve("server-token")).token();
            dir.resolve("server-token").toFile().deleteOnExit();
            return t;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    // sent as Authorization: Bearer; null sends none
    private final String token;

    TestClient(QuorumServer server) {
        this(server, TOKEN.reveal());
    }

    /** @param token what to send as the bearer token, or null for none */
    TestClient(QuorumServer server, String token) {
        this.base = server.baseUri();
        this.token = token;
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    HttpResponse<byte[]> send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    HttpResponse<byte[]> send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends {@code <method> <target> HTTP/1.1} as written and reads the whole response. */
    Raw raw(String method, String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: " + base.getAuthority()
                    + (token == null ? "" : "\r\nAuthorization: Bearer " + token)
                    + "\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Raw parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete response head in: " + new String(all, ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Raw(status, headers, Arrays.copyOfRange(all, end + 4, all.length));
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static JsonNode json(byte[] body) throws IOException {
        return JSON.readTree(body);
    }
}
