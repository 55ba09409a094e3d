package dev.quorum.core.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a prediction turned out at one horizon: the close of the symbol's first bar closing at or after
 * {@code prediction.time() + horizon}, and the move in the predicted direction.
 *
 * @param prediction the prediction
 * @param horizon    how long after it
 * @param time       the close time of the bar it was judged on
 * @param price      that bar's close
 * @param move       {@code (price − prediction.price()) / prediction.price()}, negated for a SHORT: the return the
 *                   call would have made before fees
 * @param hit        whether {@code move > 0}
 */
public record PredictionOutcome(Prediction prediction, Duration horizon, Instant time, double price, double move, boolean hit) {

    /** Checks for nulls. */
    public PredictionOutcome {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(time, "time");
    }

    /**
     * Judges a prediction at a bar's close.
     *
     * @param prediction the prediction
     * @param horizon    the horizon it is judged at
     * @param time       the bar's close time
     * @param price      the bar's close
     * @return the outcome
     */
    public static PredictionOutcome judge(Prediction prediction, Duration horizon, Instant time, double price) {
        double change = (price - prediction.price()) / prediction.price();
        double move = prediction.direction() == dev.quorum.api.Direction.LONG ? change : -change;
        return new PredictionOutcome(prediction, horizon, time, price, move, move > 0);
    }
}
