package dev.quorum.core.engine;

import java.time.Instant;

/**
 * The LONG and SHORT signals one bot gave in one bucket of the equity curve.
 *
 * @param time   the bucket's stamp, as its equity point's (the close time of its last base bar)
 * @param bot    the bot
 * @param longs  LONG signals in the bucket
 * @param shorts SHORT signals in the bucket
 */
public record SignalCount(Instant time, String bot, long longs, long shorts) {
}
