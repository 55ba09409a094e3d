package dev.quorum.plugins.positions;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.api.HedgeContext;
import dev.quorum.api.HedgeOrder;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;

/**
 * Seed 001's portfolio hedge: when the portfolio's drawdown from its peak equity reaches {@code hedgeDrawdown},
 * every open position without a hedge gets one, opposite, of {@code hedgeShare} of its net quantity; once the
 * drawdown is back at or below {@code hedgeRelease}, every hedge closes. Between the two thresholds nothing
 * changes (so a drawdown hovering at the trigger does not open and close hedges bar after bar). Reads only
 * the context, remembers nothing: the host's orders are idempotent, so asking again while an order is under
 * way does nothing.
 *
 * <p>The host also closes a hedge when the position it hedges closes, and at the end of the data.
 *
 * @param trigger the drawdown at or above which positions are hedged, {@code > 0}
 * @param share   the share of a position's net quantity hedged, in {@code (0, 1]}
 * @param release the drawdown at or below which hedges close, {@code < trigger}
 */
record DrawdownHedge(double trigger, double share, double release) {

    /**
     * Reads the parameters.
     *
     * @param p the validated parameters
     * @return the rule, or null when {@code hedgeDrawdown} is 0 (off)
     * @throws ParameterException for {@code hedgeRelease ≥ hedgeDrawdown} while hedging is on
     */
    static DrawdownHedge of(Parameters p) {
        double trigger = p.getDouble("hedgeDrawdown");
        double release = p.getDouble("hedgeRelease");
        if (trigger == 0) {
            return null;
        }
        if (release >= trigger) {
            throw new ParameterException("hedgeRelease", release, "below hedgeDrawdown = " + trigger
                    + " (hedges close once the drawdown is back at or below it)");
        }
        return new DrawdownHedge(trigger, p.getDouble("hedgeShare"), release);
    }

    /**
     * The orders for this bar.
     *
     * @param context the portfolio and its peak equity
     * @return opening orders while the drawdown is at or above the trigger, closing orders once it is at or
     *         below the release level, else none
     */
    List<HedgeOrder> orders(HedgeContext context) {
        double drawdown = context.drawdown();
        PortfolioView portfolio = context.portfolio();
        String where = "drawdown " + Fmt.pct(drawdown) + " (equity " + Fmt.price(portfolio.equity()) + ", peak "
                + Fmt.price(context.peakEquity()) + ")";
        List<HedgeOrder> orders = new ArrayList<>(2);
        if (drawdown >= trigger) {
            for (Position p : portfolio.positions()) {
                double net = context.netQuantity(p);
                if (portfolio.hedge(p.symbol()).isEmpty() && net > 0) {
                    orders.add(HedgeOrder.open(p.symbol(), share * net, where + " ≥ " + Fmt.pct(trigger) + ": "
                            + Fmt.percent(share * 100) + " of the net " + Fmt.num(net)));
                }
            }
        } else if (drawdown <= release) {
            for (Position h : portfolio.hedges()) {
                orders.add(HedgeOrder.close(h.symbol(), where + " ≤ " + Fmt.pct(release)));
            }
        }
        return orders;
    }
}
