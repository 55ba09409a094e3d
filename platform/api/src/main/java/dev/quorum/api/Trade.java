package dev.quorum.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A closed round trip: entry, exit and what it earned. A position may be built up by several entry
 * fills and run down by several exit fills (a broker that caps each bar's participation); the trade
 * is recorded when it is flat again and sums them: prices are volume-weighted averages.
 *
 * @param id         the trade's sequence number in its run, from 1
 * @param symbol     the instrument
 * @param direction  {@code LONG} or {@code SHORT}
 * @param quantity   units entered, in total
 * @param entryTime  when the (first) entry fill happened
 * @param entryPrice the volume-weighted average price of the entry fills (the fill price when there is one)
 * @param exitTime   when the exit fill that made the position flat happened
 * @param exitPrice  the volume-weighted average price of the exit fills (the fill price when there is one)
 * @param fees       the fees of every entry and exit fill, in the quote currency
 * @param pnl        net profit or loss: price move times quantity, minus fees
 * @param exitReason why it closed
 * @param bots       the bots that voted for the entry, in config order; empty for a hedge
 * @param hedge      whether this was a hedge the position manager opened against a position on the same
 *                   symbol ({@link PositionPolicy#hedge(HedgeContext)}), rather than a position of its own
 * @since 1.0
 */
public record Trade(long id, String symbol, Direction direction, double quantity,
                    Instant entryTime, double entryPrice, Instant exitTime, double exitPrice,
                    double fees, double pnl, ExitReason exitReason, List<String> bots, boolean hedge) {

    /**
     * A trade of a position (not a hedge), as before 1.3.
     *
     * @param id         the trade's sequence number in its run, from 1
     * @param symbol     the instrument
     * @param direction  {@code LONG} or {@code SHORT}
     * @param quantity   units entered, in total
     * @param entryTime  when the (first) entry fill happened
     * @param entryPrice the volume-weighted average price of the entry fills
     * @param exitTime   when the exit fill that made the position flat happened
     * @param exitPrice  the volume-weighted average price of the exit fills
     * @param fees       the fees of every entry and exit fill
     * @param pnl        net profit or loss: price move times quantity, minus fees
     * @param exitReason why it closed
     * @param bots       the bots that voted for the entry, in config order
     * @since 1.0
     */
    public Trade(long id, String symbol, Direction direction, double quantity, Instant entryTime, double entryPrice,
                 Instant exitTime, double exitPrice, double fees, double pnl, ExitReason exitReason, List<String> bots) {
        this(id, symbol, direction, quantity, entryTime, entryPrice, exitTime, exitPrice, fees, pnl, exitReason, bots, false);
    }

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
