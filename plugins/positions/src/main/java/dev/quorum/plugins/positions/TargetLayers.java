package dev.quorum.plugins.positions;

import dev.quorum.api.BarHistory;
import dev.quorum.api.Direction;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.MarketView;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Parameters;
import dev.quorum.api.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The layered take-profit: the initial target's distance from the entry price, scaled on every bar by
 * the factors of the layers that are active on that bar. Immutable; reads nothing but the position, the
 * market view and the ATR.
 *
 * <p>With {@code entry} the position's average entry price, {@code s} = +1 for a long and −1 for a
 * short, and {@code close} the close of the bar just closed:
 * <ul>
 *   <li><b>Base.</b> {@code base = s × (initialTakeProfit − entry)}. No layering ({@link #evaluate}
 *       returns {@link Outcome#none()}) when {@code layers} is false, the position has no initial
 *       take-profit, or {@code base ≤ 0} (the entry filled at or beyond its target).</li>
 *   <li><b>Layers</b>, in this order, each active or not on the bar:
 *     <ol>
 *       <li>{@code volatility}: the ATR is not NaN and {@code ATR / close ≥ highVolatilityAtrPct} →
 *           {@code × highVolatilityFactor};</li>
 *       <li>{@code time} (only when {@code maxBars > 0}): with
 *           {@code share = (maxBars − barsHeld) / maxBars}, {@code share < timeUrgentShare} →
 *           {@code × timeUrgentFactor}, else {@code share < timeNearShare} → {@code × timeNearFactor};</li>
 *       <li>{@code momentum}: the history holds more than {@code momentumBars} bars and
 *           {@code s × (close(0) − close(momentumBars)) < 0} (the price moved against the position) →
 *           {@code × momentumFactor}.</li>
 *     </ol></li>
 *   <li><b>Target.</b> {@code factor} = the product of the active layers' factors, in that order;
 *       {@code target = entry + s × base × factor}, except that with no active layer (or a product of
 *       exactly 1) the target is {@code initialTakeProfit} itself. A target that is not a finite price
 *       {@code > 0} (a short's distance scaled past its entry) gives {@link Outcome#none()}.</li>
 *   <li><b>Outcome.</b> Target at or through the close (long: {@code target ≤ close}) →
 *       {@link Outcome#exit}; else a target different from the current one → {@link Outcome#move}; else
 *       {@link Outcome#none()}.</li>
 * </ul>
 *
 * @param enabled              whether the layers run at all ({@code layers})
 * @param maxBars              the time exit's bar count, 0 for none (the time layer runs only with one)
 * @param highVolatilityAtrPct the ATR / close from which the volatility layer is active
 * @param highVolatilityFactor the volatility layer's factor
 * @param timeUrgentShare      the share of {@code maxBars} left below which the time layer is urgent
 * @param timeUrgentFactor     the urgent time layer's factor
 * @param timeNearShare        the share of {@code maxBars} left below which the time layer is near
 * @param timeNearFactor       the near time layer's factor
 * @param momentumBars         how many bars back the momentum layer compares the close with
 * @param momentumFactor       the momentum layer's factor
 */
record TargetLayers(boolean enabled, int maxBars, double highVolatilityAtrPct, double highVolatilityFactor,
                    double timeUrgentShare, double timeUrgentFactor, double timeNearShare, double timeNearFactor,
                    int momentumBars, double momentumFactor) {

    /**
     * What the layers want on this bar.
     *
     * @param kind   nothing, a new target, or an exit
     * @param target the layered target ({@code MOVE}, {@code EXIT}), else NaN
     * @param note   why ({@code MOVE}, {@code EXIT}), else empty
     */
    record Outcome(Kind kind, double target, String note) {

        /** What an outcome asks for. */
        enum Kind {
            /** Nothing. */
            NONE,
            /** Move the take-profit to {@code target}. */
            MOVE,
            /** Close the position: the target is at or through the close. */
            EXIT
        }

        private static final Outcome NONE = new Outcome(Kind.NONE, Double.NaN, "");

        /**
         * Nothing to do.
         *
         * @return the outcome
         */
        static Outcome none() {
            return NONE;
        }

        /**
         * A new take-profit.
         *
         * @param target the new take-profit
         * @param note   why
         * @return a move
         */
        static Outcome move(double target, String note) {
            return new Outcome(Kind.MOVE, target, note);
        }

        /**
         * An exit: the layered target is at or through the close.
         *
         * @param target the layered target the close reached
         * @param note   why
         * @return an exit
         */
        static Outcome exit(double target, String note) {
            return new Outcome(Kind.EXIT, target, note);
        }
    }

    /**
     * One active layer.
     *
     * @param name   {@code volatility}, {@code time} or {@code momentum}
     * @param factor its factor
     */
    private record Layer(String name, double factor) {
    }

    /**
     * Reads and checks the parameters.
     *
     * @param p the validated parameters
     * @return the layers
     * @throws ParameterException if {@code timeUrgentShare > timeNearShare}
     */
    static TargetLayers of(Parameters p) {
        double urgent = p.getDouble("timeUrgentShare");
        double near = p.getDouble("timeNearShare");
        if (urgent > near) {
            throw new ParameterException("timeUrgentShare", urgent, "at most timeNearShare (" + near + ")");
        }
        return new TargetLayers(p.getBoolean("layers"), p.getInt("maxBars"), p.getDouble("highVolatilityAtrPct"),
                p.getDouble("highVolatilityFactor"), urgent, p.getDouble("timeUrgentFactor"), near,
                p.getDouble("timeNearFactor"), p.getInt("momentumBars"), p.getDouble("momentumFactor"));
    }

    /**
     * The layered target on this bar.
     *
     * @param managed the position
     * @param market  the symbol's market: the bar just closed and its history
     * @param atr     the symbol's ATR, NaN while it has none
     * @return nothing, a new target or an exit
     */
    Outcome evaluate(ManagedPosition managed, MarketView market, double atr) {
        OptionalDouble initial = managed.initialTakeProfit();
        if (!enabled || initial.isEmpty()) {
            return Outcome.none();
        }
        Position position = managed.position();
        Direction direction = position.direction();
        int s = Sides.sign(direction);
        double entry = position.entryPrice();
        double base = s * (initial.getAsDouble() - entry);
        if (!(base > 0)) {
            return Outcome.none();
        }
        double close = market.bar().close();
        List<Layer> active = active(managed, market, close, s, atr);
        double factor = 1;
        StringBuilder formula = new StringBuilder("base ").append(Fmt.price(base));
        for (Layer layer : active) {
            factor *= layer.factor();
            formula.append(" × ").append(layer.name()).append(' ').append(Fmt.num(layer.factor()));
        }
        double distance = base * factor;
        double target = factor == 1 ? initial.getAsDouble() : entry + s * distance;
        if (!Sides.usable(target)) {
            return Outcome.none();
        }
        formula.append(active.isEmpty() ? ", no layer active" : " = " + Fmt.price(distance));
        if (!Sides.profitSide(direction, target, close)) {
            return Outcome.exit(target, "layered target " + Fmt.price(target) + " reached (close " + Fmt.price(close) + "): "
                    + formula);
        }
        OptionalDouble current = position.takeProfit();
        if (current.isPresent() && current.getAsDouble() == target) {
            return Outcome.none();
        }
        return Outcome.move(target, "target " + formula + " → " + Fmt.price(target));
    }

    private List<Layer> active(ManagedPosition managed, MarketView market, double close, int s, double atr) {
        List<Layer> active = new ArrayList<>(3);
        if (Double.isFinite(atr) && atr / close >= highVolatilityAtrPct) {
            active.add(new Layer("volatility", highVolatilityFactor));
        }
        if (maxBars > 0) {
            double share = (double) (maxBars - managed.barsHeld()) / maxBars;
            if (share < timeUrgentShare) {
                active.add(new Layer("time", timeUrgentFactor));
            } else if (share < timeNearShare) {
                active.add(new Layer("time", timeNearFactor));
            }
        }
        BarHistory history = market.history();
        if (history.size() > momentumBars && s * (history.close(0) - history.close(momentumBars)) < 0) {
            active.add(new Layer("momentum", momentumFactor));
        }
        return active;
    }
}
