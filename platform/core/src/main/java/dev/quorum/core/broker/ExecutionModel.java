package dev.quorum.core.broker;

import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.Order;
import dev.quorum.api.Side;
import dev.quorum.core.config.SlippageConfig;

/**
 * The seam between the paper broker's rules and the market's depth: given an order, the quantity
 * still to execute and a bar, how much executes on that bar and at what price.
 *
 * <p>The broker first applies the intrabar rules ({@link IntrabarRules}): whether the order can
 * execute on this bar at all and at which price before slippage, the <em>touch</em> (the bar's open,
 * or the order's limit or stop level). The model then decides the quantity and the slippage. Every
 * model must be deterministic (the same inputs give the same execution: no state that reaches the
 * result, no clock, no randomness), execute at most {@code remaining}, never give a buy a price below
 * the touch or a sell one above it, and leave a {@code LIMIT} order at its touch (limit orders rest in
 * the book and provide liquidity: they pay the maker fee and no slippage).
 *
 * <p>Implementations: {@link NoSlippage} (everything at the touch), {@link FixedSlippage} (basis points,
 * everything at once) and {@link VolumeParticipation} (a cap on each bar's participation, price impact
 * growing with quantity ÷ bar volume). <b>An order-book model plugs in here when the data has depth:</b>
 * constructed with a source of book snapshots by symbol and time, it would walk the levels on the
 * order's side from the touch for {@code remaining} units, return the volume-weighted price of the levels
 * it consumed (for a limit order, only the levels at or better than the limit) and leave the rest for
 * later bars. Bars carry no depth, so no such model exists yet.
 */
public interface ExecutionModel {

    /**
     * @param order     the order; its type and side decide whether and which way slippage applies
     * @param remaining units of the order still to execute, {@code > 0}
     * @param bar       the bar it executes on
     * @param touch     the price before slippage that the intrabar rules give: the open, or the order's level
     * @param taken     units this broker already executed on this bar of the symbol for earlier orders, {@code >= 0}
     *                  (a participation cap is shared by all orders on the symbol)
     * @return what executes on this bar; empty when nothing does (the order waits for the next bar)
     */
    Optional<Execution> execute(Order order, double remaining, Bar bar, double touch, double taken);

    /**
     * The slippage the engine assumes when it sizes an entry before the bar it will fill on is known.
     *
     * @return a fraction of the price, {@code >= 0}: 0 for none, the basis points for the fixed and volume models
     */
    double expectedSlippage();

    /**
     * @param config the {@code broker.slippage} section
     * @return the model it names
     */
    static ExecutionModel of(SlippageConfig config) {
        return switch (config.model()) {
            case "fixed" -> new FixedSlippage(config.bps());
            case "volume" -> new VolumeParticipation(config.bps(), config.impact(), config.maxParticipation());
            default -> new NoSlippage();
        };
    }

    /**
     * Moves a price against the side: a buy pays more, a sell receives less.
     *
     * @param side     the order's side
     * @param price    the price before slippage
     * @param fraction the slippage as a fraction of the price, in [0, 1)
     * @return {@code price × (1 + fraction)} for a buy, {@code price × (1 − fraction)} for a sell
     */
    static double adverse(Side side, double price, double fraction) {
        return side == Side.BUY ? price * (1 + fraction) : price * (1 - fraction);
    }
}
