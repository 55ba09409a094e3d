package dev.quorum.api;

/**
 * Which way a signal points, or which way a position is held.
 *
 * @since 1.0
 */
public enum Direction {
    /** Expect the price to rise; hold the asset. */
    LONG,
    /** Expect the price to fall; hold a short position. */
    SHORT,
    /** No view, or no position. */
    FLAT;

    /**
     * The opposite direction; {@code FLAT} stays {@code FLAT}.
     *
     * @return the opposite direction
     * @since 1.0
     */
    public Direction opposite() {
        return this == LONG ? SHORT : this == SHORT ? LONG : FLAT;
    }
}
