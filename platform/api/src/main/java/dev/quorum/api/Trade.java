package dev.quorum.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A closed round trip: entry, exit and what it earned.
 *
 * @param id         the trade's sequence number in its run, from 1
 * @param symbol     the instrument
 * @param direction  {@code LONG} or {@code SHORT}
 * @param quantity   units held
 * @param entryTime  when the entry filled
 * @param entryPrice the entry fill price
 * @param exitTime   when the exit filled
 * @param exitPrice  the exit fill price
 * @param fees       entry plus exit fees, in the quote currency
 * @param pnl        net profit or loss: price move times quantity, minus fees
 * @param exitReason why it closed
 * @param bots       the bots that voted for the entry, in config order
 * @since 1.0
 */
public record Trade(long id, String symbol, Direction direction, double quantity,
                    Instant entryTime, double entryPrice, Instant exitTime, double exitPrice,
                    double fees, double pnl, ExitReason exitReason, List<String> bots) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException for a FLAT direction or an exit before the entry
     */
    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitReason, "exitReason");
        if (direction == Direction.FLAT) {
            throw new IllegalArgumentException("a trade is LONG or SHORT, not FLAT");
        }
        if (exitTime.isBefore(entryTime)) {
            throw new IllegalArgumentException("exitTime " + exitTime + " is before entryTime " + entryTime);
        }
        bots = List.copyOf(bots);
    }

    /**
     * Whether the trade made money after fees.
     *
     * @return {@code pnl > 0}
     * @since 1.0
     */
    public boolean isWin() {
        return pnl > 0;
    }

    /**
     * The return on the entry notional, after fees: {@code pnl / (quantity * entryPrice)}.
     *
     * @return the fractional return, such as {@code 0.012} for +1.2%
     * @since 1.0
     */
    public double returnOnNotional() {
        return pnl / (quantity * entryPrice);
    }
}
