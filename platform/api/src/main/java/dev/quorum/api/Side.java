package dev.quorum.api;

/**
 * The side of an order or a fill.
 *
 * @since 1.0
 */
public enum Side {
    /** Buy: opens a long position or closes a short one. */
    BUY,
    /** Sell: opens a short position or closes a long one. */
    SELL;

    /**
     * The side that opens a position in the given direction.
     *
     * @param direction {@code LONG} or {@code SHORT}
     * @return {@code BUY} for long, {@code SELL} for short
     * @throws IllegalArgumentException for {@code FLAT}
     * @since 1.0
     */
    public static Side opening(Direction direction) {
        return switch (direction) {
            case LONG -> BUY;
            case SHORT -> SELL;
            case FLAT -> throw new IllegalArgumentException("no side opens a FLAT position");
        };
    }

    /**
     * The opposite side.
     *
     * @return {@code SELL} for {@code BUY} and the reverse
     * @since 1.0
     */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
