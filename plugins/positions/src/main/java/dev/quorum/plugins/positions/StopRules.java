package dev.quorum.plugins.positions;

import dev.quorum.api.Direction;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Parameters;
import dev.quorum.api.Position;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The rules that move an open position's stop-loss: break-even and the trailing stop. Immutable; reads
 * nothing but the position, the bar's close and the ATR.
 *
 * <p>With {@code close} the close of the bar just closed, {@code gain = ManagedPosition.gain(close)}
 * ({@code (close − entry) / entry} for a long, the negative for a short, before fees), {@code entry} the
 * position's average entry price and {@code s} = +1 for a long, −1 for a short:
 * <ul>
 *   <li><b>Break-even</b> ({@code breakEvenGain > 0}): when {@code gain ≥ breakEvenGain}, the candidate
 *       is {@code entry × (1 + s × breakEvenOffset)}. Evaluated on each bar from the position as it is
 *       (no memory): once the stop has moved there, the host keeps it.</li>
 *   <li><b>Trailing</b> ({@code trailMode} not {@code off}): when {@code gain ≥ trailActivation}
 *       (inclusive, checked on each bar), the candidate is {@code close − s × distance}, with
 *       {@code distance = trailAtr × ATR} ({@code atr}; no candidate while the ATR is NaN) or
 *       {@code trailPct × close} ({@code percent}).</li>
 * </ul>
 * A candidate counts only if it is finite and {@code > 0}, strictly on the loss side of the close
 * (long: {@code < close}) and strictly tighter than the current stop (long: {@code >} it; any stop is
 * tighter than none). Of the candidates that count the tightest wins (long: the highest; on a tie,
 * break-even). Neither rule can loosen the stop.
 *
 * @param trail           how the trailing distance is measured
 * @param trailAtr        the trailing distance in ATRs
 * @param trailPct        the trailing distance as a fraction of the close
 * @param trailActivation the gain from which the trailing stop moves
 * @param breakEvenGain   the gain from which the stop moves to break-even, 0 for never
 * @param breakEvenOffset how far past the entry price the break-even stop lies, a fraction of it
 * @param atrPeriod       the ATR period, for notes
 */
record StopRules(Trail trail, double trailAtr, double trailPct, double trailActivation, double breakEvenGain,
                 double breakEvenOffset, int atrPeriod) {

    /** How the trailing distance is measured. */
    enum Trail {
        /** No trailing stop. */
        OFF,
        /** {@code trailAtr × ATR}. */
        ATR,
        /** {@code trailPct × close}. */
        PERCENT
    }

    /**
     * A new stop and why.
     *
     * @param price the new stop-loss
     * @param note  such as {@code "trail 2.5 ATR (1.25) from close 103.00: stop 99.00 → 99.88"}
     */
    record Move(double price, String note) {
    }

    /**
     * Reads the parameters.
     *
     * @param p the validated parameters
     * @return the rules
     * @throws ParameterException if {@code trailMode} is not a declared choice
     */
    static StopRules of(Parameters p) {
        String mode = p.getString("trailMode");
        Trail trail = switch (mode) {
            case "off" -> Trail.OFF;
            case "atr" -> Trail.ATR;
            case "percent" -> Trail.PERCENT;
            default -> throw new ParameterException("trailMode", mode, "off, atr or percent");
        };
        return new StopRules(trail, p.getDouble("trailAtr"), p.getDouble("trailPct"), p.getDouble("trailActivation"),
                p.getDouble("breakEvenGain"), p.getDouble("breakEvenOffset"), p.getInt("atrPeriod"));
    }

    /**
     * The stop to propose on this bar, if any.
     *
     * @param managed the position
     * @param close   the close of the bar just closed
     * @param atr     the symbol's ATR, NaN while it has none
     * @return the tightest candidate that counts, or empty
     */
    Optional<Move> propose(ManagedPosition managed, double close, double atr) {
        Position position = managed.position();
        Direction direction = position.direction();
        OptionalDouble current = position.stopLoss();
        int s = Sides.sign(direction);
        double gain = managed.gain(close);
        double best = Double.NaN;
        String why = null;
        if (breakEvenGain > 0 && gain >= breakEvenGain) {
            double entry = position.entryPrice();
            double candidate = entry * (1 + s * breakEvenOffset);
            if (counts(direction, candidate, close, current)) {
                best = candidate;
                why = "break-even at gain " + Fmt.pct(gain) + " ≥ " + Fmt.pct(breakEvenGain) + ", entry " + Fmt.price(entry)
                        + (s > 0 ? " + " : " − ") + Fmt.pct(breakEvenOffset);
            }
        }
        if (trail != Trail.OFF && gain >= trailActivation) {
            double distance = trail == Trail.ATR ? trailAtr * atr : trailPct * close;
            double candidate = close - s * distance;
            if (Double.isFinite(distance) && counts(direction, candidate, close, current)
                    && (why == null || Sides.lossSide(direction, best, candidate))) {
                best = candidate;
                String measure = trail == Trail.ATR
                        ? Fmt.num(trailAtr) + " ATR(" + atrPeriod + ") " + Fmt.price(distance)
                        : Fmt.pct(trailPct) + " " + Fmt.price(distance);
                why = "trail " + measure + " from close " + Fmt.price(close)
                        + (trailActivation > 0 ? " (gain " + Fmt.pct(gain) + " ≥ " + Fmt.pct(trailActivation) + ")" : "");
            }
        }
        if (why == null) {
            return Optional.empty();
        }
        String from = current.isPresent() ? Fmt.price(current.getAsDouble()) : "none";
        return Optional.of(new Move(best, why + ": stop " + from + " → " + Fmt.price(best)));
    }

    private static boolean counts(Direction direction, double candidate, double close, OptionalDouble current) {
        return Sides.usable(candidate) && Sides.lossSide(direction, candidate, close) && Sides.tighter(direction, candidate, current);
    }
}
