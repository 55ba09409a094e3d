package dev.quorum.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does, in a real browser: {@code ./quorum run} on a fresh home (in-process, on a free port, the
 * embedded candles replayed at 250 bars a second), open the address it prints in headless Chromium, see the equity chart
 * draw and a trade appear live, download a daily report, and look at the page on a narrow screen. Screenshots go to
 * {@code target/screenshots/}. Needs Debian's chromium ({@code .ci/run} installs it); without it the test is skipped,
 * loudly.
 */
class DashboardBrowserTest {

    private static final Path SHOTS = Path.of(System.getProperty("quorum.screenshots", "target/screenshots"));
    private static final Pattern DASHBOARD = Pattern.compile("Dashboard: (http://127\\.0\\.0\\.1:\\d+/#token=[A-Za-z0-9_-]{43})");

    @TempDir
    Path home;

    @BeforeEach
    void home() throws Exception {
        CliHome.prepare(home, config -> config);
    }

    @AfterEach
    void clear() {
        CliHome.clear();
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void thePageReconnectsAfterTheServerRestartsAndReadsTheSessionAgain() throws Exception {
        Optional<Path> chromium = Chromium.binary();
        if (chromium.isEmpty()) {
            System.err.println("\n!!! DashboardBrowserTest SKIPPED: no chromium at /usr/bin/chromium (apt-get install chromium)\n");
            Assumptions.abort("no chromium: apt-get install chromium");
        }
        dev.quorum.core.config.QuorumConfig shipped = new dev.quorum.core.config.ConfigLoader().load(home.resolve("config/quorum.yaml"));
        java.util.List<String> bots = shipped.bots().stream().map(b -> b.name()).toList();
        dev.quorum.server.ApiToken token = dev.quorum.server.ApiToken.loadOrCreate(home.resolve("var/server-token")).token();
        dev.quorum.core.report.ReportFolder reports = new dev.quorum.core.report.ReportFolder(Files.createDirectories(home.resolve("reports")));
        try (dev.quorum.core.store.Database db = dev.quorum.core.store.Database.open(dev.quorum.core.store.Database.fileUrl(home.resolve("var/db/q")));
             dev.quorum.server.EventHub events = new dev.quorum.server.EventHub();
             Chromium browser = new Chromium(chromium.get(), 1280, 800)) {
            dev.quorum.server.LiveSession first = new dev.quorum.server.LiveSession(shipped, bots, 10, java.time.Clock.systemUTC(), events);
            dev.quorum.server.QuorumServer server = dev.quorum.server.QuorumServer.start(new dev.quorum.server.ServerSettings("127.0.0.1", 0),
                    token, java.util.List.of(new dev.quorum.server.ReportRoutes(reports),
                            new dev.quorum.server.SessionRoutes(first, db, events, java.util.List::of, java.util.List::of)));
            int port = server.port();
            browser.navigate("http://127.0.0.1:" + port + "/#token=" + token.reveal());
            assertTrue(browser.waitFor("document.getElementById('live').textContent === 'live'", Duration.ofSeconds(30)), "connected");
            assertEquals("STARTING", browser.eval("document.getElementById('state').textContent").asText());
            server.close();
            assertTrue(browser.waitFor("document.getElementById('live').textContent === 'reconnecting'", Duration.ofSeconds(30)),
                    "the page sees the server go");
            // the server comes back on the same port, with a session that has moved on
            dev.quorum.server.LiveSession second = new dev.quorum.server.LiveSession(shipped, bots, 10, java.time.Clock.systemUTC(), events);
            second.ended("STOPPED", null);
            try (dev.quorum.server.QuorumServer again = dev.quorum.server.QuorumServer.start(new dev.quorum.server.ServerSettings("127.0.0.1", port),
                    token, java.util.List.of(new dev.quorum.server.ReportRoutes(reports),
                            new dev.quorum.server.SessionRoutes(second, db, events, java.util.List::of, java.util.List::of)))) {
                assertTrue(browser.waitFor("document.getElementById('live').textContent === 'live'"
                        + " && document.getElementById('state').textContent === 'STOPPED'", Duration.ofSeconds(40)),
                        "it reconnects by itself and reads the session again: " + browser.eval("document.getElementById('live').textContent"));
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(300)
    void aNewcomerOpensThePrintedAddressSeesTradesAndEquityArriveLiveAndDownloadsAReport() throws Exception {
        Optional<Path> chromium = Chromium.binary();
        if (chromium.isEmpty()) {
            System.err.println("\n!!! DashboardBrowserTest SKIPPED: no chromium at /usr/bin/chromium (apt-get install chromium; .ci/run"
                    + " installs it, or set QUORUM_CHROMIUM)\n");
            Assumptions.abort("no chromium: apt-get install chromium");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread session = new Thread(() -> exit.set(QuorumCli.execute(new String[] {"run", "--speed", "250", "--port", "0", "--exit-when-done"},
                new PrintWriter(out, true), new PrintWriter(err, true))), "quorum-run");
        session.start();
        assertTrue(Chromium.waitFor(() -> DASHBOARD.matcher(out.toString()).find() || !session.isAlive(), Duration.ofSeconds(90)),
                "the session prints its address: " + out + err);
        Matcher m = DASHBOARD.matcher(out.toString());
        assertTrue(m.find(), "a fresh home: a new token, printed once in the address: " + out + err);
        String address = m.group(1);
        Path downloads = Files.createDirectories(home.resolve("downloads"));
        try (Chromium browser = new Chromium(chromium.get(), 1280, 800)) {
            browser.downloadTo(downloads);
            browser.navigate(address);
            assertTrue(browser.waitFor("document.getElementById('live').textContent === 'live'", Duration.ofSeconds(30)),
                    "the WebSocket connects: " + browser.eval("document.body.innerText"));
            assertEquals("", browser.eval("location.hash").asText(), "the token leaves the address bar");
            assertTrue(browser.waitFor("Number(document.getElementById('equity-chart').dataset.points) >= 3"
                    + " && document.querySelector('#equity-chart canvas') !== null", Duration.ofSeconds(30)), "the equity chart draws");
            int before = browser.eval("document.querySelectorAll('#recent tbody tr[data-trade]').length").asInt();
            assertTrue(browser.waitFor("document.querySelectorAll('#recent tbody tr[data-trade]').length > " + before, Duration.ofSeconds(30)),
                    "a new trade appears without reloading the page");
            String firstRow = browser.eval("document.querySelector('#recent tbody tr[data-trade]').innerText").asText();
            assertTrue(firstRow.matches("(?s)\\d+\\s+(BTC|ETH|LTC)-USD\\s+(LONG|SHORT).*"), firstRow);
            assertTrue(browser.waitFor("Number(document.getElementById('bots').dataset.signals) >= 3"
                    + " && document.querySelector('#bots td.calls span.call.LONG, #bots td.calls span.call.SHORT') !== null",
                    Duration.ofSeconds(30)), "the bots' calls change live: " + browser.eval("document.getElementById('bots').innerText"));
            assertTrue(browser.waitFor("[...document.querySelectorAll('#bots tbody tr td:nth-child(3)')].some((td) => /^[0-9.]+$/.test(td.textContent))",
                    Duration.ofSeconds(30)), "meta-trust's trust in the bots shows: " + browser.eval("document.getElementById('bots').innerText"));
            browser.screenshot(SHOTS.resolve("dashboard-1280x800.png"));

            assertTrue(browser.waitFor("document.querySelector('#reports a') !== null", Duration.ofSeconds(60)),
                    "a daily report is listed once its day has ended on the engine clock");
            Thread.sleep(1500); // the candles and markers catch up with the engine clock
            browser.screenshot(SHOTS.resolve("dashboard-after-the-first-day.png"));
            String name = browser.eval("document.querySelector('#reports a').textContent").asText();
            browser.eval("document.querySelector('#reports a').click()");
            Path downloaded = downloads.resolve("quorum-" + name); // the name the server gives it (Content-Disposition)
            assertTrue(Chromium.waitFor(() -> Files.isRegularFile(downloaded) && !Files.exists(downloads.resolve("quorum-" + name + ".crdownload")),
                    Duration.ofSeconds(30)), "the report downloads: " + name);
            byte[] pdf = Files.readAllBytes(downloaded);
            assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertArrayEquals(Files.readAllBytes(home.resolve("reports/quorum-" + name)), pdf, "the stored report, byte for byte");

            browser.size(400, 900);
            Thread.sleep(500);
            assertTrue(browser.eval("document.documentElement.scrollWidth <= 400").asBoolean(),
                    "no sideways scrolling on a narrow screen: " + browser.eval("document.documentElement.scrollWidth"));
            browser.screenshot(SHOTS.resolve("dashboard-400x900.png"));
        }
        session.join(120_000);
        assertEquals(0, exit.get(), out + "\n" + err);
        assertTrue(out.toString().contains("session run 1 finished: 10,223 bars"), out.toString());
    }
}
