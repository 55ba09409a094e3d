package dev.quorum.plugins.positions;

import dev.quorum.api.Direction;
import dev.quorum.api.EntryPlan;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Parameters;
import java.util.OptionalDouble;

/**
 * The rule of {@link dev.quorum.api.PositionPolicy#open}: where a new position's stop-loss and take-profit
 * start. Immutable.
 *
 * <p>Each level is a <em>distance</em> {@code d} from the intent's reference price {@code ref}, as a
 * fraction of it, obtained in this order:
 * <ol>
 *   <li>{@code useSignalLevels} and the intent carries the level ({@code stopLoss()} /
 *       {@code takeProfit()}, the voters' suggestion) finite, {@code > 0} and strictly on its side of
 *       {@code ref} (long: stop {@code < ref}, target {@code > ref}; short mirrored):
 *       {@code d = |level − ref| / ref}. A suggestion on the wrong side (or at {@code ref}) is ignored,
 *       and the note says so.</li>
 *   <li>{@code atr} mode with a finite ATR: {@code d = multiplier × ATR / ref}
 *       ({@code stopAtr}, {@code targetAtr}).</li>
 *   <li>{@code atr} mode while the ATR is NaN (its first {@code atrPeriod} bars) or the symbol has none:
 *       {@code d = stopPct} / {@code targetPct}, the note saying {@code (ATR(14) not ready)}.</li>
 *   <li>{@code percent} mode: {@code d = stopPct} / {@code targetPct}.</li>
 * </ol>
 * Then {@code d} is clamped into {@code [minStopPct, maxStopPct]} (stop) or
 * {@code [minTargetPct, maxTargetPct]} (target), whichever way it was obtained. The long's stop is
 * {@code ref × (1 − d)} and target {@code ref × (1 + d)}; the short's stop {@code ref × (1 + d)} and
 * target {@code ref × (1 − d)}. An unclamped voters' level is kept exactly as given. A level that does
 * not lie strictly on its side of {@code ref} (only possible with a clamped distance of 0, when a
 * minimum is 0) is left out, and the note says so.
 *
 * @param atrPeriod       the ATR period, for notes
 * @param stopAtrMode     whether the stop is in ATRs (else a percentage)
 * @param stopAtr         the stop distance in ATRs
 * @param stopPct         the stop distance as a fraction of the reference price
 * @param targetAtrMode   whether the target is in ATRs (else a percentage)
 * @param targetAtr       the target distance in ATRs
 * @param targetPct       the target distance as a fraction of the reference price
 * @param useSignalLevels whether the voters' levels take the place of the computed ones
 * @param minStop         the smallest stop distance, a fraction
 * @param maxStop         the largest stop distance, a fraction
 * @param minTarget       the smallest target distance, a fraction
 * @param maxTarget       the largest target distance, a fraction
 */
record InitialLevels(int atrPeriod, boolean stopAtrMode, double stopAtr, double stopPct, boolean targetAtrMode,
                     double targetAtr, double targetPct, boolean useSignalLevels, double minStop, double maxStop,
                     double minTarget, double maxTarget) {

    /**
     * Reads and checks the parameters.
     *
     * @param p the validated parameters
     * @return the rule
     * @throws ParameterException if {@code minStopPct > maxStopPct} or {@code minTargetPct > maxTargetPct}
     *                            (naming the minimum), or a mode is not a declared choice
     */
    static InitialLevels of(Parameters p) {
        double minStop = p.getDouble("minStopPct");
        double maxStop = p.getDouble("maxStopPct");
        if (minStop > maxStop) {
            throw new ParameterException("minStopPct", minStop, "at most maxStopPct (" + maxStop + ")");
        }
        double minTarget = p.getDouble("minTargetPct");
        double maxTarget = p.getDouble("maxTargetPct");
        if (minTarget > maxTarget) {
            throw new ParameterException("minTargetPct", minTarget, "at most maxTargetPct (" + maxTarget + ")");
        }
        return new InitialLevels(p.getInt("atrPeriod"), atrMode(p, "stopMode"), p.getDouble("stopAtr"),
                p.getDouble("stopPct"), atrMode(p, "targetMode"), p.getDouble("targetAtr"), p.getDouble("targetPct"),
                p.getBoolean("useSignalLevels"), minStop, maxStop, minTarget, maxTarget);
    }

    private static boolean atrMode(Parameters p, String name) {
        String mode = p.getString(name);
        if (!mode.equals("atr") && !mode.equals("percent")) {
            throw new ParameterException(name, mode, "atr or percent");
        }
        return mode.equals("atr");
    }

    /**
     * The levels of a new position.
     *
     * @param entry the approved intent
     * @param atr   the symbol's ATR now, NaN while it has none
     * @return the levels, with a note such as {@code "stop 2.0 ATR = 0.41% at 99.59, target 4.0 ATR = 0.82% at 100.82"}
     */
    EntryPlan levels(OrderIntent entry, double atr) {
        Level stop = level("stop", false, entry, entry.stopLoss(), stopAtrMode, stopAtr, stopPct, minStop, maxStop, atr);
        Level target = level("target", true, entry, entry.takeProfit(), targetAtrMode, targetAtr, targetPct, minTarget,
                maxTarget, atr);
        return EntryPlan.of(stop.price(), target.price(), stop.note() + ", " + target.note());
    }

    /**
     * One level and how it was found.
     *
     * @param price the level, or empty when left out
     * @param note  its part of the note
     */
    private record Level(OptionalDouble price, String note) {
    }

    private Level level(String name, boolean profit, OrderIntent entry, OptionalDouble signal, boolean atrMode,
                        double multiple, double pct, double min, double max, double atr) {
        Direction direction = entry.direction();
        double ref = entry.referencePrice();
        String side = profit ? Sides.profitWord(direction) : Sides.lossWord(direction);
        StringBuilder note = new StringBuilder(name).append(' ');
        String ignored = "";
        double distance;
        boolean fromSignal = false;
        boolean fromPercent = false;
        double hint = signal.isPresent() ? signal.getAsDouble() : Double.NaN;
        if (useSignalLevels && signal.isPresent() && onSide(profit, direction, hint, ref)) {
            distance = Math.abs(hint - ref) / ref;
            fromSignal = true;
            note.append("signal ").append(Fmt.price(hint));
        } else {
            if (useSignalLevels && signal.isPresent()) {
                ignored = " (signal " + Fmt.price(hint) + " ignored: not " + side + " the reference " + Fmt.price(ref) + ")";
            }
            if (atrMode && Double.isFinite(atr)) {
                distance = multiple * atr / ref;
                note.append(Fmt.num(multiple)).append(" ATR");
            } else {
                distance = pct;
                fromPercent = true;
                note.append(Fmt.pct(pct));
                if (atrMode) {
                    note.append(" (ATR(").append(atrPeriod).append(") not ready)");
                }
            }
        }
        if (!fromPercent) {
            note.append(" = ").append(Fmt.pct(distance));
        }
        double clamped = Math.min(Math.max(distance, min), max);
        if (clamped != distance) {
            note.append(", clamped to [").append(Fmt.pct(min)).append(", ").append(Fmt.pct(max)).append("]: ")
                    .append(Fmt.pct(clamped));
        }
        int outward = profit ? Sides.sign(direction) : -Sides.sign(direction);
        double price = fromSignal && clamped == distance ? hint : ref * (1 + outward * clamped);
        if (!onSide(profit, direction, price, ref)) {
            note.append(": none, ").append(Fmt.price(price)).append(" is not ").append(side).append(" the reference ")
                    .append(Fmt.price(ref)).append(ignored);
            return new Level(OptionalDouble.empty(), note.toString());
        }
        note.append(" at ").append(Fmt.price(price)).append(ignored);
        return new Level(OptionalDouble.of(price), note.toString());
    }

    /** Whether a level is a usable price strictly on its side of the reference. */
    private static boolean onSide(boolean profit, Direction direction, double level, double ref) {
        return Sides.usable(level) && (profit ? Sides.profitSide(direction, level, ref) : Sides.lossSide(direction, level, ref));
    }
}
