package dev.quorum.api;

import java.time.Instant;
import java.util.Optional;

/**
 * What a strategy sees on each bar of its symbol: the bar that just closed, recent history, the
 * engine clock and its own position. Read-only; only closed bars are ever visible.
 *
 * <p>The view and its {@link #history()} are valid only during the {@code onBar} call they are
 * passed to: the host moves them forward to the next bar afterwards. Copy what you need to keep
 * (a {@link Bar} is immutable and safe to keep).
 *
 * @since 1.0
 */
public interface MarketView {

    /**
     * The instrument this view is for.
     *
     * @return the symbol
     * @since 1.0
     */
    String symbol();

    /**
     * The engine clock, equal to {@code bar().closeTime()}.
     *
     * @return the current instant
     * @since 1.0
     */
    Instant now();

    /**
     * The bar that just closed.
     *
     * @return the newest bar, never null
     * @since 1.0
     */
    Bar bar();

    /**
     * Recent bars on the base timeframe, newest first, {@code history().get(0) == bar()}.
     *
     * @return the history
     * @since 1.0
     */
    BarHistory history();

    /**
     * Recent closed bars of a higher timeframe, newest first. A higher-timeframe bar becomes visible
     * once the engine clock reaches its close: on the base bar that closes at the same instant, or,
     * when that base bar is missing from the data, on the first base bar after it. A bar still
     * forming is never visible.
     *
     * @param timeframe the base timeframe or one the strategy declared in {@link Strategy#timeframes()}
     * @return the history, possibly empty at the start of the data
     * @throws IllegalArgumentException if the timeframe was not declared
     * @since 1.0
     */
    default BarHistory history(Timeframe timeframe) {
        if (timeframe.equals(bar().timeframe())) {
            return history();
        }
        throw new IllegalArgumentException("this view has no " + timeframe + " bars of " + symbol());
    }

    /**
     * The portfolio's open position on this symbol.
     *
     * @return the position, or empty when flat
     * @since 1.0
     */
    Optional<Position> position();
}
