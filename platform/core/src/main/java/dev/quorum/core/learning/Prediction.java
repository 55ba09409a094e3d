package dev.quorum.core.learning;

import java.time.Instant;
import java.util.Objects;

import dev.quorum.api.Direction;
import dev.quorum.api.Situation;

/**
 * A bot's call on a symbol: a LONG or SHORT signal at a bar's close, with the price then and the market's
 * situation, kept to be judged at each horizon ({@link PredictionOutcome}).
 *
 * @param id         its number in the run, from 1, in the order made
 * @param bot        the bot
 * @param symbol     the instrument
 * @param time       the close time of the bar it was made on (engine clock)
 * @param direction  LONG or SHORT
 * @param confidence the bot's stated confidence, in [0, 1]
 * @param price      the bar's close
 * @param situation  the market then
 */
public record Prediction(long id, String bot, String symbol, Instant time, Direction direction, double confidence, double price,
                         Situation situation) {

    /** Checks. */
    public Prediction {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(situation, "situation");
        if (direction != Direction.LONG && direction != Direction.SHORT) {
            throw new IllegalArgumentException("a prediction is LONG or SHORT, not " + direction);
        }
    }
}
