package dev.quorum.core.learning;

import java.time.Duration;

/**
 * The thresholds of strategy health and rehabilitation ({@link BotHealth}); the defaults are the seeds'.
 *
 * @param horizon                the horizon whose outcomes judge a bot (one of learning.horizons)
 * @param window                 judged predictions a hit rate is taken over, and the fewest before any verdict (50)
 * @param suspendBelow           a hit rate below this suspends the bot (0.35)
 * @param degradedBelow          a hit rate below this (and not below suspendBelow) marks it DEGRADED (0.45)
 * @param suspension             how long a suspension lasts, engine time (7 days)
 * @param probation              how long a probation lasts at least, engine time (14 days)
 * @param probationMinJudged     judged predictions made on probation before it is decided (20)
 * @param passAt                 the hit rate on probation that passes it, and that brings a DEGRADED bot back (0.50)
 * @param maxStrikes             the suspension that retires the bot for good (the 3rd)
 * @param probationMinConfidence on probation, a call below this confidence counts as FLAT (the seed's 0.70 instead of
 *                               its 0.60; outside probation Quorum sets no floor on a bot's confidence)
 * @param minVoters              bots disabled by their health leave the vote only while at least this many bots remain
 *                               in it; with fewer, the disabled ones count as FLAT again, so that no bot decides alone (2)
 * @param probationSize          an entry a bot on probation voted for is at most this fraction of equity (the seed's 2%)
 * @param probationStopFactor    and its stop-loss lies this fraction of the usual distance from the entry price (the
 *                               seed's "50% tighter": 0.5)
 */
public record HealthRules(Duration horizon, int window, double suspendBelow, double degradedBelow, Duration suspension,
                          Duration probation, int probationMinJudged, double passAt, int maxStrikes,
                          double probationMinConfidence, int minVoters, double probationSize, double probationStopFactor) {

    /**
     * With at least 2 voters.
     *
     * @param horizon                see the record
     * @param window                 see the record
     * @param suspendBelow           see the record
     * @param degradedBelow          see the record
     * @param suspension             see the record
     * @param probation              see the record
     * @param probationMinJudged     see the record
     * @param passAt                 see the record
     * @param maxStrikes             see the record
     * @param probationMinConfidence see the record
     */
    public HealthRules(Duration horizon, int window, double suspendBelow, double degradedBelow, Duration suspension,
                       Duration probation, int probationMinJudged, double passAt, int maxStrikes, double probationMinConfidence) {
        this(horizon, window, suspendBelow, degradedBelow, suspension, probation, probationMinJudged, passAt, maxStrikes,
                probationMinConfidence, 2, 0.02, 0.5);
    }

    /** Checks the ranges. */
    public HealthRules {
        if (!(probationSize > 0 && probationSize <= 1) || !(probationStopFactor > 0 && probationStopFactor <= 1)) {
            throw new IllegalArgumentException("probationSize and probationStopFactor must be in (0, 1], were " + probationSize + " and "
                    + probationStopFactor);
        }
        if (window < 1 || probationMinJudged < 1 || maxStrikes < 1 || minVoters < 1) {
            throw new IllegalArgumentException("window, probationMinJudged, maxStrikes and minVoters must be at least 1");
        }
        if (!(suspendBelow <= degradedBelow) || !(degradedBelow <= passAt)) {
            throw new IllegalArgumentException("expected suspendBelow " + suspendBelow + " <= degradedBelow " + degradedBelow + " <= passAt "
                    + passAt);
        }
    }

    /**
     * @param horizon the horizon whose outcomes judge a bot
     * @return the seeds' rules at that horizon
     */
    public static HealthRules seeds(Duration horizon) {
        return new HealthRules(horizon, 50, 0.35, 0.45, Duration.ofDays(7), Duration.ofDays(14), 20, 0.50, 3, 0.70);
    }
}
