package dev.quorum.plugins.positions;

import dev.quorum.api.EntryPlan;
import dev.quorum.api.ExitReason;
import dev.quorum.api.HedgeContext;
import dev.quorum.api.HedgeOrder;
import dev.quorum.api.Indicator;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.MarketView;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.PositionUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run of {@link AdaptiveExitsManager}: the rules and the live ATR of every symbol of the run. It
 * remembers nothing between calls (every position is given in full), so it ignores closed trades.
 *
 * <p>{@link #open} gives the levels of {@link InitialLevels} and then the entry legs of {@link DcaLegs}.
 *
 * <p>{@link #manage} runs, in order: the time exit ({@code maxBars > 0} and {@code barsHeld ≥ maxBars}
 * → exit {@code TIME_EXIT}, {@code "held 240 bars (max 240)"}); the layered take-profit's exit
 * ({@link TargetLayers}; exit {@code TAKE_PROFIT}); else one move with the new stop of {@link StopRules},
 * if any, and the layered target, if it changed, the note joining their notes with {@code "; "}; else
 * {@link PositionUpdate#keep()}.
 *
 * <p>With {@code hedgeDrawdown > 0} the policy is a {@link Hedging}, whose {@code hedge} is {@link DrawdownHedge}'s.
 */
class AdaptiveExitsPolicy implements PositionPolicy {

    private final InitialLevels initial;
    private final DcaLegs dca;
    private final StopRules stops;
    private final TargetLayers layers;
    private final int maxBars;
    private final Map<String, Indicator> atrs;

    /**
     * A policy for one run.
     *
     * @param initial the rule of new positions' levels
     * @param dca     the rule of new positions' entry legs
     * @param stops   the stop rules
     * @param layers  the layered take-profit
     * @param maxBars the bars after which a position is closed, 0 for never
     * @param atrs    each symbol's ATR, as asked for when created
     */
    AdaptiveExitsPolicy(InitialLevels initial, DcaLegs dca, StopRules stops, TargetLayers layers, int maxBars,
                        Map<String, Indicator> atrs) {
        this.initial = initial;
        this.dca = dca;
        this.stops = stops;
        this.layers = layers;
        this.maxBars = maxBars;
        this.atrs = Map.copyOf(atrs);
    }

    @Override
    public EntryPlan open(OrderIntent entry, PortfolioView portfolio) {
        return dca.apply(initial.levels(entry, atr(entry.symbol())), entry);
    }

    @Override
    public PositionUpdate manage(ManagedPosition position, MarketView market, PortfolioView portfolio) {
        if (maxBars > 0 && position.barsHeld() >= maxBars) {
            return PositionUpdate.exit(ExitReason.TIME_EXIT,
                    String.format(Locale.ROOT, "held %d bars (max %d)", position.barsHeld(), maxBars));
        }
        double atr = atr(market.symbol());
        TargetLayers.Outcome target = layers.evaluate(position, market, atr);
        if (target.kind() == TargetLayers.Outcome.Kind.EXIT) {
            return PositionUpdate.exit(ExitReason.TAKE_PROFIT, target.note());
        }
        Optional<StopRules.Move> stop = stops.propose(position, market.bar().close(), atr);
        List<String> notes = new ArrayList<>(2);
        OptionalDouble newStop = OptionalDouble.empty();
        OptionalDouble newTarget = OptionalDouble.empty();
        if (stop.isPresent()) {
            newStop = OptionalDouble.of(stop.get().price());
            notes.add(stop.get().note());
        }
        if (target.kind() == TargetLayers.Outcome.Kind.MOVE) {
            newTarget = OptionalDouble.of(target.target());
            notes.add(target.note());
        }
        if (notes.isEmpty()) {
            return PositionUpdate.keep();
        }
        return PositionUpdate.move(newStop, newTarget, String.join("; ", notes));
    }

    /**
     * The policy with {@link DrawdownHedge}: a subclass, so that without hedging the host never asks.
     */
    static final class Hedging extends AdaptiveExitsPolicy {

        private final DrawdownHedge hedge;

        Hedging(InitialLevels initial, DcaLegs dca, StopRules stops, TargetLayers layers, int maxBars,
                Map<String, Indicator> atrs, DrawdownHedge hedge) {
            super(initial, dca, stops, layers, maxBars, atrs);
            this.hedge = hedge;
        }

        @Override
        public List<HedgeOrder> hedge(HedgeContext context) {
            return hedge.orders(context);
        }
    }

    /** The symbol's ATR now, NaN while it has none or when the run's markets do not include the symbol. */
    private double atr(String symbol) {
        Indicator atr = atrs.get(symbol);
        return atr == null ? Double.NaN : atr.value();
    }
}
