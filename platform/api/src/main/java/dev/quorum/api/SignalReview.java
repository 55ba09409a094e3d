package dev.quorum.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One LONG or SHORT signal put to a learner before the ensemble counts it ({@link LearnerInstance#review}).
 *
 * @param bot        the bot
 * @param symbol     the instrument
 * @param time       the bar's close time (engine clock)
 * @param signal     the signal, with the confidence as the learners before this one left it
 * @param stated     the confidence the bot itself stated (what {@link SignalOutcome#confidence()} reports for its calls,
 *                   so what a learner that learns per confidence should look up)
 * @param situation  the market now
 * @param agreeing   how many bots (this one included) call the same direction on this bar
 * @param voters     how many bots vote on this bar (FLAT ones included; not those their health keeps out of the vote)
 * @since 1.4
 */
public record SignalReview(String bot, String symbol, Instant time, Signal signal, double stated, Situation situation, int agreeing,
                           int voters) {

    /** Checks. */
    public SignalReview {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(situation, "situation");
        if (!(stated >= 0 && stated <= 1)) {
            throw new IllegalArgumentException("stated must be in [0, 1], was " + stated);
        }
        if (agreeing < 1 || agreeing > voters) {
            throw new IllegalArgumentException("agreeing must be in [1, voters = " + voters + "], was " + agreeing);
        }
    }
}
