package dev.quorum.core.journal;

import java.time.Instant;

import dev.quorum.api.Direction;

/**
 * A position open at some moment, rebuilt from the run's stored fills.
 *
 * @param symbol    the instrument
 * @param direction LONG or SHORT
 * @param quantity  units held
 * @param since     the time of the first fill after the symbol was last flat
 */
public record Holding(String symbol, Direction direction, double quantity, Instant since) {
}
