package dev.quorum.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How one of a bot's calls turned out at one horizon, as every learner hears it: the host keeps a bot's LONG or SHORT
 * signal as a prediction (when its direction changes, and again every few bars while it holds) and judges it at
 * each configured horizon on the symbol's first bar closing at or after {@code time + horizon}, in engine time.
 *
 * @param bot        the bot that made the call
 * @param symbol     the instrument
 * @param time       the close time of the bar the call was made on
 * @param direction  LONG or SHORT
 * @param confidence the bot's own stated confidence, in [0, 1] (before any learner's calibration)
 * @param situation  the market then
 * @param horizon    how long after the call it is judged
 * @param judgedAt   the close time of the bar it was judged on
 * @param move       the price's relative move in the called direction from the call's close to that bar's close,
 *                   before fees: {@code +0.01} is 1% the right way
 * @param hit        whether {@code move > 0}
 * @since 1.4
 */
public record SignalOutcome(String bot, String symbol, Instant time, Direction direction, double confidence,
                            Situation situation, Duration horizon, Instant judgedAt, double move, boolean hit) {

    /** Checks for nulls. */
    public SignalOutcome {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(judgedAt, "judgedAt");
    }
}
