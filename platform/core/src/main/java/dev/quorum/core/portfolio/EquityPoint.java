package dev.quorum.core.portfolio;

import java.time.Instant;

/**
 * One point of a run's equity curve.
 *
 * @param time     the engine clock: the close time of the last base bar processed
 * @param equity   cash plus longs minus shorts, marked at each symbol's latest close
 * @param cash     cash
 * @param exposure gross exposure: the sum of the open positions' marked notionals, longs and shorts alike, {@code >= 0}
 */
public record EquityPoint(Instant time, double equity, double cash, double exposure) {
}
