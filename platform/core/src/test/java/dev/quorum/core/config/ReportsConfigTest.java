package dev.quorum.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code reports} and {@code server} sections read from YAML: defaults, a full valid section, and every kind
 * of bad value refused with the file, the line and column of its key, the key, the value and what is allowed.
 */
class ReportsConfigTest {

    private static final String ZONE_EXPECTED = "expected a region such as Europe/Berlin or America/New_York, UTC,"
            + " or an offset such as +05:30";
    private static final String CRON_EXPECTED = "is not a valid cron expression (Unix syntax, 5 fields: minute hour"
            + " day-of-month month day-of-week, such as '5 0 * * *'): ";

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void theDefaultsAreUtcFiveMinutesPastMidnightNinetyDaysDuringRunsAndLoopbackPort7070() throws IOException {
        for (String yaml : new String[] {"", "engine:\n  initialCash: 5000\n", "reports: {}\nserver: {}\n"}) {
            QuorumConfig c = loader.load(write(yaml));
            ReportsConfig r = c.reports();
            assertEquals("reports", r.dir(), yaml);
            assertEquals("UTC", r.timezone(), yaml);
            assertEquals(ZoneId.of("UTC"), r.zone(), yaml);
            assertEquals("5 0 * * *", r.schedule(), yaml);
            assertEquals("5 0 * * *", r.cron().expression(), yaml);
            assertEquals(90, r.retentionDays(), yaml);
            assertEquals(true, r.duringRuns(), yaml);
            ServerConfig s = c.server();
            assertEquals("127.0.0.1", s.host(), yaml);
            assertEquals(7070, s.port(), yaml);
            assertEquals(false, s.allowRemote(), yaml);
        }
        assertEquals(ReportsConfig.defaults(), QuorumConfig.defaults().reports());
        assertEquals(ServerConfig.defaults(), QuorumConfig.defaults().server());
    }

    @Test
    void theShippedConfigUsesTheDefaults() {
        QuorumConfig c = loader.load(Path.of(System.getProperty("quorum.dataDir")).resolve("../../config/quorum.yaml").normalize());
        assertEquals(ReportsConfig.defaults(), c.reports());
        assertEquals(ServerConfig.defaults(), c.server());
    }

    @Test
    void everyKeyOfBothSectionsLoads() throws IOException {
        QuorumConfig c = loader.load(write("""
                reports:
                  dir: out/daily
                  timezone: Europe/Berlin
                  schedule: "30 6 * * 1-5"
                  retentionDays: 0
                  duringRuns: false
                server:
                  host: localhost
                  port: 0
                  allowRemote: true
                """));
        ReportsConfig r = c.reports();
        assertEquals("out/daily", r.dir());
        assertEquals(ZoneId.of("Europe/Berlin"), r.zone());
        assertEquals("30 6 * * 1-5", r.schedule());
        assertEquals(ZoneId.of("Europe/Berlin"), r.cron().zone(), "the schedule runs in the report's zone");
        assertEquals(0, r.retentionDays(), "0 keeps every report");
        assertFalse(r.duringRuns());
        assertEquals(new ServerConfig("localhost", 0, true), c.server());

        QuorumConfig limits = loader.load(write("reports:\n  timezone: \"+05:30\"\n  retentionDays: 36500\nserver:\n  port: 65535\n"));
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), limits.reports().zone());
        assertEquals(36_500, limits.reports().retentionDays());
        assertEquals(65_535, limits.server().port());
    }

    @Test
    void aTimezoneThatIsNotAZoneIsRefused() throws IOException {
        Path f = write("reports:\n  dir: reports\n  timezone: Mars/Olympus\n");
        assertEquals(f + ":3:3: reports.timezone = Mars/Olympus is not a time zone: " + ZONE_EXPECTED, error(f));
        Path offset = write("reports:\n  timezone: \"+25:00\"\n");
        assertEquals(offset + ":2:3: reports.timezone = +25:00 is not a time zone: " + ZONE_EXPECTED, error(offset));
    }

    @Test
    void aScheduleWithAFieldOutOfRangeIsRefused() throws IOException {
        Path f = write("reports:\n  timezone: UTC\n  schedule: 61 0 * * *\n");
        String e = error(f);
        assertTrue(e.startsWith(f + ":3:3: reports.schedule = '61 0 * * *' " + CRON_EXPECTED), e);
        assertTrue(e.contains("61"), "the offending field: " + e);
    }

    @Test
    void aScheduleThatIsNotCronIsRefused() throws IOException {
        Path f = write("reports:\n  schedule: every day\n");
        String e = error(f);
        assertTrue(e.startsWith(f + ":2:3: reports.schedule = 'every day' " + CRON_EXPECTED), e);
        Path quoted = write("server:\n  port: 8080\nreports:\n  schedule: \"5 0 * *\"\n");
        String e2 = error(quoted);
        assertTrue(e2.startsWith(quoted + ":4:3: reports.schedule = '5 0 * *' " + CRON_EXPECTED), e2);
    }

    @Test
    void aScheduleThatNeverFiresIsRefused() throws IOException {
        Path f = write("reports:\n  schedule: \"0 0 30 2 *\"\n");
        String e = error(f);
        assertTrue(e.startsWith(f + ":2:3: reports.schedule = '0 0 30 2 *' "), e);
        assertTrue(e.contains("never"), e);
        assertEquals("0 0 29 2 *", loader.load(write("reports:\n  schedule: \"0 0 29 2 *\"\n")).reports().schedule(),
                "February 29 comes every four years");
    }

    @Test
    void aBlankScheduleIsRefused() throws IOException {
        Path f = write("reports:\n  schedule: \"  \"\n");
        assertEquals(f + ":2:3: reports.schedule must not be blank", error(f));
    }

    @Test
    void aNegativeRetentionIsRefused() throws IOException {
        Path f = write("reports:\n  retentionDays: -1\n");
        assertEquals(f + ":2:3: reports.retentionDays = -1 is out of range: expected an integer in [0, 36500]", error(f));
        Path above = write("reports:\n  retentionDays: 36501\n");
        assertEquals(above + ":2:3: reports.retentionDays = 36501 is out of range: expected an integer in [0, 36500]", error(above));
    }

    @Test
    void aRetentionThatIsNotAnIntegerIsRefused() throws IOException {
        Path f = write("reports:\n  retentionDays: ten\n");
        assertEquals(f + ":2:3: reports.retentionDays = 'ten' is not an integer", error(f));
        Path fraction = write("reports:\n  retentionDays: 7.5\n");
        String e = error(fraction);
        assertTrue(e.startsWith(fraction + ":2:3: reports.retentionDays"), e);
    }

    @Test
    void aPortOutOfRangeIsRefused() throws IOException {
        Path f = write("server:\n  host: 127.0.0.1\n  port: 70000\n");
        assertEquals(f + ":3:3: server.port = 70000 is out of range: expected an integer in [0, 65535]", error(f));
        Path negative = write("server:\n  port: -1\n");
        assertEquals(negative + ":2:3: server.port = -1 is out of range: expected an integer in [0, 65535]", error(negative));
    }

    @Test
    void anUnknownKeyUnderReportsIsRefusedListingTheAllowedOnes() throws IOException {
        Path f = write("reports:\n  dir: reports\n  keepDays: 30\n");
        String e = error(f);
        assertTrue(e.startsWith(f + ":3:3: "), e);
        assertTrue(e.contains("unknown key 'keepDays' in 'reports' (allowed: dir, duringRuns, retentionDays, schedule, timezone)"), e);
    }

    @Test
    void anUnknownKeyUnderServerIsRefusedListingTheAllowedOnes() throws IOException {
        Path f = write("server:\n  bind: 0.0.0.0\n");
        String e = error(f);
        assertTrue(e.startsWith(f + ":2:3: "), e);
        assertTrue(e.contains("unknown key 'bind' in 'server' (allowed: allowRemote, host, port)"), e);
    }

    private String error(Path f) {
        return assertThrows(ConfigException.class, () -> loader.load(f)).getMessage();
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "quorum", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
