package dev.quorum.core.position;

import java.util.Locale;
import java.util.OptionalDouble;

import dev.quorum.api.Direction;
import dev.quorum.api.EntryLeg;
import dev.quorum.api.EntryPlan;
import dev.quorum.api.HedgeOrder;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;
import dev.quorum.api.PositionUpdate;

/**
 * The rules the host holds a position manager's answers to ({@link PositionDesk}): each check returns null
 * when the answer may be applied, else the rule it breaks, in words for the plugin's error record.
 */
final class PositionRules {

    /** A hedge may exceed its position by this share of it: rounding, not a reversal. */
    private static final double DUST = 1e-9;

    private PositionRules() {
    }

    /** @return null when both levels lie on their sides of the reference price, else what is wrong */
    static String wrongSides(OrderIntent entry, EntryPlan levels) {
        double ref = entry.referencePrice();
        boolean isLong = entry.direction() == Direction.LONG;
        if (levels.stopLoss().isPresent()) {
            double s = levels.stopLoss().getAsDouble();
            if (isLong ? s >= ref : s <= ref) {
                return String.format(Locale.ROOT, "stop-loss %.8g is not %s the reference price %.8g of a %s entry", s,
                        isLong ? "below" : "above", ref, entry.direction());
            }
        }
        if (levels.takeProfit().isPresent()) {
            double t = levels.takeProfit().getAsDouble();
            if (isLong ? t <= ref : t >= ref) {
                return String.format(Locale.ROOT, "take-profit %.8g is not %s the reference price %.8g of a %s entry", t,
                        isLong ? "above" : "below", ref, entry.direction());
            }
        }
        return null;
    }

    /** @return null when every limit leg lies strictly between the stop-loss and the reference price, else what is wrong */
    static String misplacedLeg(OrderIntent entry, EntryPlan plan) {
        double ref = entry.referencePrice();
        boolean isLong = entry.direction() == Direction.LONG;
        for (EntryLeg leg : plan.legs()) {
            if (!(entry.quantity() * leg.fraction() > 0)) {
                return "entry leg of fraction " + leg.fraction() + " buys nothing of " + entry.quantity();
            }
            if (leg.limitPrice().isEmpty()) {
                continue;
            }
            double limit = leg.limitPrice().getAsDouble();
            boolean refSide = isLong ? limit < ref : limit > ref;
            boolean stopSide = plan.stopLoss().isEmpty()
                    || (isLong ? limit > plan.stopLoss().getAsDouble() : limit < plan.stopLoss().getAsDouble());
            if (!refSide || !stopSide) {
                return String.format(Locale.ROOT, "entry leg limit %.8g is not between the stop-loss %s and the reference price %.8g",
                        limit, plan.stopLoss().isPresent() ? String.format(Locale.ROOT, "%.8g", plan.stopLoss().getAsDouble()) : "(none)",
                        ref);
            }
        }
        return null;
    }

    /** @return null when the update may be applied, else the rule it breaks */
    static String refused(Position p, double close, PositionUpdate update) {
        boolean isLong = p.direction() == Direction.LONG;
        if (update.stopLoss().isPresent()) {
            double s = update.stopLoss().getAsDouble();
            if (p.stopLoss().isPresent() && (isLong ? s < p.stopLoss().getAsDouble() : s > p.stopLoss().getAsDouble())) {
                return String.format(Locale.ROOT, "stop-loss %.8g would loosen the current %.8g (a %s's stop only %s)", s,
                        p.stopLoss().getAsDouble(), isLong ? "long" : "short", isLong ? "rises" : "falls");
            }
            if (isLong ? s >= close : s <= close) {
                return String.format(Locale.ROOT, "stop-loss %.8g is not %s the close %.8g", s, isLong ? "below" : "above", close);
            }
        }
        if (update.takeProfit().isPresent()) {
            double t = update.takeProfit().getAsDouble();
            if (isLong ? t <= close : t >= close) {
                return String.format(Locale.ROOT, "take-profit %.8g is not %s the close %.8g (to take profit now, exit)", t,
                        isLong ? "above" : "below", close);
            }
        }
        return null;
    }

    static boolean same(OptionalDouble proposed, OptionalDouble current) {
        return proposed.isEmpty() || (current.isPresent() && current.getAsDouble() == proposed.getAsDouble());
    }

    static String describe(OptionalDouble stop, OptionalDouble target) {
        return "stop-loss " + (stop.isPresent() ? String.format(Locale.ROOT, "%.8g", stop.getAsDouble()) : "none")
                + ", take-profit " + (target.isPresent() ? String.format(Locale.ROOT, "%.8g", target.getAsDouble()) : "none");
    }

    /**
     * @return null when the hedge order may be sent, else the rule it breaks: an opening needs a position on
     *         its symbol and a finite quantity above 0 and at most the position's
     */
    static String refusedHedge(HedgeOrder order, PortfolioView portfolio) {
        if (order.action() == HedgeOrder.Action.CLOSE) {
            return null;
        }
        Position position = portfolio.position(order.symbol()).orElse(null);
        if (position == null) {
            return "a hedge on " + order.symbol() + ", where no position is open";
        }
        double q = order.quantity();
        if (!(q > 0) || Double.isInfinite(q)) {
            return "a hedge of quantity " + q + " on " + order.symbol() + " (expected a finite quantity above 0)";
        }
        if (q > position.quantity() * (1 + DUST)) {
            return String.format(Locale.ROOT, "a hedge of %.8g on %s is larger than the %.8g of the %s position it hedges"
                    + " (it would reverse the exposure)", q, order.symbol(), position.quantity(), position.direction());
        }
        return null;
    }
}
