package dev.quorum.core.config;

import java.time.Duration;
import java.util.List;

import dev.quorum.core.learning.HealthRules;

/**
 * The {@code learning.health} section: strategy health and rehabilitation (README, "Learning"); the defaults are
 * the seeds'.
 *
 * @param enabled                whether bots are suspended, put on probation and retired by their record; default true
 * @param horizon                the horizon of learning.horizons whose outcomes judge a bot; default the first
 * @param window                 judged predictions a hit rate is taken over, [1, 100000]; default 50
 * @param suspendBelow           hit rate below which a bot is suspended, [0, 1]; default 0.35
 * @param degradedBelow          hit rate below which it is DEGRADED, [suspendBelow, 1]; default 0.45
 * @param suspendDays            days a suspension lasts (engine time), [0.001, 3650]; default 7
 * @param probationDays          days a probation lasts at least, [0, 3650]; default 14
 * @param probationPredictions   judged predictions made on probation before it is decided, [1, 100000]; default 20
 * @param passAt                 hit rate on probation that passes it, [0, 1]; default 0.50
 * @param maxStrikes             the suspension that retires a bot for good, [1, 100]; default 3
 * @param probationMinConfidence on probation, calls below this confidence count as FLAT, [0, 1]; default 0.70
 * @param minVoters              disabled bots leave the vote only while at least this many remain in it, [1, 1000];
 *                               default 2 (no bot decides alone)
 * @param probationSize          an entry a bot on probation voted for is at most this fraction of equity, (0, 1]; default
 *                               0.02 (the seed's 2%)
 * @param probationStopFactor    its stop-loss at this fraction of the usual distance from the entry, (0, 1]; default 0.5
 *                               (the seed's "50% tighter")
 */
public record HealthConfig(Boolean enabled, String horizon, Integer window, Double suspendBelow, Double degradedBelow,
                           Double suspendDays, Double probationDays, Integer probationPredictions, Double passAt, Integer maxStrikes,
                           Double probationMinConfidence, Integer minVoters, Double probationSize, Double probationStopFactor) {

    /**
     * With the default {@code minVoters}.
     *
     * @param enabled                see the record
     * @param horizon                see the record
     * @param window                 see the record
     * @param suspendBelow           see the record
     * @param degradedBelow          see the record
     * @param suspendDays            see the record
     * @param probationDays          see the record
     * @param probationPredictions   see the record
     * @param passAt                 see the record
     * @param maxStrikes             see the record
     * @param probationMinConfidence see the record
     */
    public HealthConfig(Boolean enabled, String horizon, Integer window, Double suspendBelow, Double degradedBelow, Double suspendDays,
                        Double probationDays, Integer probationPredictions, Double passAt, Integer maxStrikes,
                        Double probationMinConfidence) {
        this(enabled, horizon, window, suspendBelow, degradedBelow, suspendDays, probationDays, probationPredictions, passAt, maxStrikes,
                probationMinConfidence, null, null, null);
    }

    /** Fills defaults and checks the ranges. */
    public HealthConfig {
        enabled = enabled == null || enabled;
        window = Check.range("learning.health.window", window, 50, 1, 100_000);
        suspendBelow = Check.range("learning.health.suspendBelow", suspendBelow, 0.35, 0, 1, false);
        degradedBelow = Check.range("learning.health.degradedBelow", degradedBelow, 0.45, 0, 1, false);

        suspendDays = Check.range("learning.health.suspendDays", suspendDays, 7, 0.001, 3650, false);
        probationDays = Check.range("learning.health.probationDays", probationDays, 14, 0, 3650, false);
        probationPredictions = Check.range("learning.health.probationPredictions", probationPredictions, 20, 1, 100_000);
        passAt = Check.range("learning.health.passAt", passAt, 0.50, 0, 1, false);
        maxStrikes = Check.range("learning.health.maxStrikes", maxStrikes, 3, 1, 100);
        probationMinConfidence = Check.range("learning.health.probationMinConfidence", probationMinConfidence, 0.70, 0, 1, false);
        minVoters = Check.range("learning.health.minVoters", minVoters, 2, 1, 1000);
        probationSize = Check.range("learning.health.probationSize", probationSize, 0.02, 0, 1, true);
        probationStopFactor = Check.range("learning.health.probationStopFactor", probationStopFactor, 0.5, 0, 1, true);
        if (!(suspendBelow <= degradedBelow && degradedBelow <= passAt)) {
            throw new IllegalArgumentException("learning.health: suspendBelow = " + suspendBelow + ", degradedBelow = " + degradedBelow
                    + ", passAt = " + passAt + ": expected suspendBelow <= degradedBelow <= passAt (a DEGRADED bot comes back at passAt)");
        }
    }

    /** @return the rules off */
    public static HealthConfig off() {
        return new HealthConfig(false, null, null, null, null, null, null, null, null, null, null);
    }

    /** @return every default */
    public static HealthConfig defaults() {
        return new HealthConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param horizons the learning horizons, as given in config and as durations
     * @param spans    the same horizons as durations
     * @return the rules
     * @throws IllegalArgumentException when {@code horizon} is not one of the horizons
     */
    HealthRules rules(List<String> horizons, List<Duration> spans) {
        Duration h = spans.get(0);
        if (horizon != null) {
            h = LearningConfig.parse("learning.health.horizon", horizon);
            if (!spans.contains(h)) {
                throw new IllegalArgumentException("learning.health.horizon = " + horizon + ": expected one of learning.horizons "
                        + horizons);
            }
        }
        return new HealthRules(h, window, suspendBelow, degradedBelow, days(suspendDays), days(probationDays), probationPredictions,
                passAt, maxStrikes, probationMinConfidence, minVoters, probationSize, probationStopFactor);
    }

    private static Duration days(double d) {
        return Duration.ofSeconds(Math.round(d * 86_400));
    }
}
