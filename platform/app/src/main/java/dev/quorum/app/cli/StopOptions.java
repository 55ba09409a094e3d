package dev.quorum.app.cli;

import dev.quorum.core.engine.RunStop;
import picocli.CommandLine.Option;

/** {@code --stop-at} and {@code --resume}: stopping a run part-way and carrying it on (backtest and run). */
final class StopOptions {

    @Option(names = "--stop-at", paramLabel = "TIME",
            description = {"Stop part-way, after the bars closing at or before TIME (UTC engine time, such as 2018-04-05T12:00):",
                    "the run is stored STOPPED with its positions open, and --resume carries it on. Ctrl-C stops the same way."})
    String stopAt;

    @Option(names = "--resume", paramLabel = "RUN",
            description = {"Carry on run RUN, stopped part-way, exactly as if it had never stopped (give the config file and",
                    "options it was started with). It replays the run up to its stop to rebuild every component's state,",
                    "checks the replay against what is stored, and goes on from the next bar."})
    Long resume;

    /** @return whether either was given */
    boolean given() {
        return stopAt != null || resume != null;
    }

    /** @return the run's stop: at --stop-at, and on Ctrl-C */
    RunStop stop() {
        return stopAt == null ? RunStop.onRequest() : RunStop.at(stopTime(stopAt));
    }

    /**
     * @param text a UTC date-time, such as {@code 2018-04-05T12:00} or {@code 2018-04-05T12:00:00Z}
     * @return the instant
     * @throws IllegalArgumentException saying what is expected
     */
    static java.time.Instant stopTime(String text) {
        try {
            return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? java.time.OffsetDateTime.parse(text).toInstant()
                    : java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--stop-at " + text + ": not a date-time; expected UTC such as 2018-04-05T12:00 or"
                    + " 2018-04-05T12:00:00Z");
        }
    }
}
