package dev.quorum.api;

/**
 * The market situation on a symbol at a bar, in buckets (seed 003's "regime, volatility, volume, momentum"): the
 * features stored with every prediction, and the situations in which a bot's record is judged. The host measures
 * them on the symbol's base bars (README, "Learning", says exactly how); a measure that has not enough bars yet is
 * {@code UNKNOWN}.
 *
 * @param regime     trending up or down, or ranging
 * @param volatility the short-term true range against the longer-term one
 * @param volume     the bar's volume against the recent mean
 * @param momentum   the close's move over the last bars, in ATRs
 * @since 1.4
 */
public record Situation(Regime regime, Level volatility, Level volume, Momentum momentum) {

    /** A situation with every measure unknown. */
    public static final Situation UNKNOWN = new Situation(Regime.UNKNOWN, Level.UNKNOWN, Level.UNKNOWN, Momentum.UNKNOWN);

    /** Trend or range. */
    public enum Regime { TREND_UP, TREND_DOWN, RANGE, UNKNOWN }

    /** Below, around or above the usual. */
    public enum Level { LOW, NORMAL, HIGH, UNKNOWN }

    /** The recent move. */
    public enum Momentum { UP, FLAT, DOWN, UNKNOWN }

    /** Checks for nulls. */
    public Situation {
        java.util.Objects.requireNonNull(regime, "regime");
        java.util.Objects.requireNonNull(volatility, "volatility");
        java.util.Objects.requireNonNull(volume, "volume");
        java.util.Objects.requireNonNull(momentum, "momentum");
    }
}
