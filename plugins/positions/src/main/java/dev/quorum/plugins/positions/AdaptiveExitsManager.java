package dev.quorum.plugins.positions;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Indicator;
import dev.quorum.api.Markets;
import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.PositionContext;
import dev.quorum.api.PositionManager;
import dev.quorum.api.PositionPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Runs open positions' exits: initial stop and target from ATRs or percentages (or the voters' levels),
 * bounded by config; a trailing stop and a break-even stop that only ever tighten; a time exit; and a
 * layered take-profit whose distance shrinks or grows with volatility, time left and momentum.
 *
 * <p><b>ATR.</b> When created, the manager asks the host for {@code ATR(atrPeriod)} (Wilder's, see
 * {@link dev.quorum.api.Indicators#atr(int)}) of every symbol of {@link Markets#symbols()}. It is NaN
 * during its first {@code atrPeriod} bars; a symbol outside the run's markets has none (NaN).
 * Throughout, {@code s} = +1 for a long and −1 for a short, {@code close} is the close of the bar just
 * closed, {@code entry} the position's average entry price and
 * {@code gain = ManagedPosition.gain(close) = s × (close − entry) / entry}. Longs and shorts are mirror
 * images in every rule.
 *
 * <p><b>Initial levels</b> ({@code open}), each as a distance {@code d} from the intent's reference price
 * {@code ref}, as a fraction of it: the voters' level when {@code useSignalLevels} and the intent carries
 * one strictly on its side of {@code ref} ({@code d = |level − ref| / ref}; one on the wrong side is
 * ignored); else {@code stopAtr × ATR / ref} in {@code atr} mode ({@code targetAtr} for the target); else
 * {@code stopPct} ({@code targetPct}) in {@code percent} mode or while the ATR is NaN (the note says
 * {@code (ATR(14) not ready)}). {@code d} is then clamped into {@code [minStopPct, maxStopPct]}
 * ({@code [minTargetPct, maxTargetPct]}). Stop {@code = ref × (1 − s × d)}, target
 * {@code = ref × (1 + s × d)}; a level not strictly on its side of {@code ref} (a clamped distance of 0)
 * is left out. Note: {@code "stop 2.0 ATR = 0.41% at 99.59, target 4.0 ATR = 0.82% at 100.82"}. See
 * {@code InitialLevels}.
 *
 * <p><b>Entry legs</b> ({@code open}, after the levels; {@code dcaMode} not {@code off}): the approved
 * quantity is bought (or sold) in 2 legs when the intent's consensus is {@code ≥ dcaHighConfidence}, 3 when
 * it is {@code ≥ dcaLowConfidence}, else 4, with the percentages of {@code splits2}, {@code splits3} or
 * {@code splits4}. Leg 1 is a market order; leg {@code k + 1} a limit at {@code ref × (1 − s × k × dcaSpacingPct)}
 * ({@code price}; a limit at or beyond the stop is dropped with every later leg, their share not bought) or a
 * market order {@code k × dcaSpacingBars} bars after the first fill ({@code bars}). Note:
 * {@code "DCA 3 legs (consensus 0.700 in [0.65, 0.75)): 40% market, 35% limit 99.50, 25% limit 99.00"}. See
 * {@code DcaLegs}.
 *
 * <p><b>On each bar</b> ({@code manage}), in this order, and at most one update:
 * <ol>
 *   <li><b>Time exit</b>: {@code maxBars > 0} and {@code barsHeld ≥ maxBars} → exit {@code TIME_EXIT},
 *       {@code "held 240 bars (max 240)"}.</li>
 *   <li><b>Layered take-profit</b> ({@code layers}): {@code base = s × (initialTakeProfit − entry)} (no
 *       initial target, or {@code base ≤ 0}: no layering); the layers active on the bar multiply it:
 *       {@code volatility} when {@code ATR / close ≥ highVolatilityAtrPct} ({@code × highVolatilityFactor});
 *       {@code time} when {@code maxBars > 0} and {@code (maxBars − barsHeld) / maxBars < timeUrgentShare}
 *       ({@code × timeUrgentFactor}), else {@code < timeNearShare} ({@code × timeNearFactor});
 *       {@code momentum} when {@code s × (close(0) − close(momentumBars)) < 0} with that much history
 *       ({@code × momentumFactor}). {@code target = entry + s × base × product}, or the initial target
 *       itself with no active layer. Target at or through the close (long: {@code ≤ close}) → exit
 *       {@code TAKE_PROFIT}, {@code "layered target 101.20 reached (close 101.50): base 4.00 × time 0.2 = 0.80"};
 *       else it is proposed when it differs from the current take-profit. See {@code TargetLayers}.</li>
 *   <li><b>Stop</b>: break-even ({@code breakEvenGain > 0} and {@code gain ≥ breakEvenGain}: candidate
 *       {@code entry × (1 + s × breakEvenOffset)}) and trailing ({@code trailMode} {@code atr} or
 *       {@code percent} and {@code gain ≥ trailActivation}: candidate {@code close − s × trailAtr × ATR}, or
 *       {@code close − s × trailPct × close}; none while the ATR is NaN). A candidate counts when strictly
 *       on the loss side of the close and strictly tighter than the current stop; the tightest one is
 *       proposed. See {@code StopRules}.</li>
 *   <li>A stop and/or a target → one move, the notes joined with {@code "; "}; else
 *       {@link dev.quorum.api.PositionUpdate#keep()}.</li>
 * </ol>
 * So every level proposed satisfies the host's rules by construction: a stop only tightens and lies
 * strictly on the loss side of the close, a target strictly on the profit side; nothing is proposed that
 * equals the current level.
 *
 * <p><b>Parameters</b> (default, range): {@code atrPeriod} (14, 1..1000); {@code stopMode} ({@code atr} or
 * {@code percent}); {@code stopAtr} (2.0, 0.1..50); {@code stopPct} (0.02, 0.0005..0.5); {@code targetMode}
 * ({@code atr} or {@code percent}); {@code targetAtr} (4.0, 0.1..100); {@code targetPct} (0.04,
 * 0.0005..0.99); {@code useSignalLevels} (true); {@code minStopPct} (0.002, 0..0.5); {@code maxStopPct}
 * (0.05, 0.0001..0.5); {@code minTargetPct} (0.002, 0..0.99); {@code maxTargetPct} (0.10, 0.0001..0.99);
 * {@code trailMode} ({@code atr}; {@code off}, {@code atr} or {@code percent}); {@code trailAtr} (2.5,
 * 0.1..50); {@code trailPct} (0.015, 0.0005..0.5); {@code trailActivation} (0.0, 0..1);
 * {@code breakEvenGain} (0.01, 0..1, 0 = off); {@code breakEvenOffset} (0.002, 0..0.05); {@code maxBars}
 * (0, 0..1000000, 0 = off); {@code layers} (true); {@code highVolatilityAtrPct} (0.002, 0..1);
 * {@code highVolatilityFactor} (1.5, 1..10); {@code timeUrgentShare} (0.134, 0..1); {@code timeUrgentFactor}
 * (0.2, 0.01..1); {@code timeNearShare} (0.267, 0..1); {@code timeNearFactor} (0.5, 0.01..1);
 * {@code momentumBars} (5, 1..1000); {@code momentumFactor} (0.6, 0.01..1); {@code dcaMode} ({@code off};
 * {@code off}, {@code price} or {@code bars}); {@code dcaHighConfidence} (0.75, 0..1); {@code dcaLowConfidence}
 * (0.65, 0..1); {@code splits2} ({@code "60,40"}); {@code splits3} ({@code "40,35,25"}); {@code splits4}
 * ({@code "30,27,23,20"}); {@code dcaSpacingPct} (0.005, 0.0001..0.2); {@code dcaSpacingBars} (5, 1..10000);
 * {@code hedgeDrawdown} (0.10, 0..1, 0 = off); {@code hedgeShare} (0.5, 0.01..1); {@code hedgeRelease} (0.05, 0..1).
 * {@code create} throws a {@link ParameterException} for {@code minStopPct > maxStopPct} (on
 * {@code minStopPct}), {@code minTargetPct > maxTargetPct} (on {@code minTargetPct}),
 * {@code timeUrgentShare > timeNearShare} (on {@code timeUrgentShare}), {@code dcaLowConfidence >
 * dcaHighConfidence} (on {@code dcaLowConfidence}), {@code hedgeRelease ≥ hedgeDrawdown} with hedging on (on
 * {@code hedgeRelease}) and a {@code splitsN} that is not N positive percentages
 * adding up to 100 (on that {@code splitsN}).
 *
 * <p><b>Hedging</b> ({@code hedge}, after every bar; {@code hedgeDrawdown > 0}): while the portfolio's drawdown
 * from its peak equity is {@code ≥ hedgeDrawdown}, each open position without a hedge gets one of
 * {@code hedgeShare × } its net quantity, opposite; once it is {@code ≤ hedgeRelease}, every hedge closes
 * (the host also closes a hedge with its position and at the end of the data). Note:
 * {@code "drawdown 10.42% (equity 8958.00, peak 10000.00) ≥ 10.00%: 50% of the net 0.125"}. See
 * {@code DrawdownHedge}.
 *
 * <p>Time comes only from {@code barsHeld}, never the wall clock; nothing is random; there is no static
 * mutable state, and every {@link #create} returns a new policy.
 */
@Extension
public class AdaptiveExitsManager implements PositionManager {

    /** The id in config. */
    public static final String ID = "adaptive-exits";

    private static final List<String> LEVEL_MODES = List.of("atr", "percent");

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Adaptive exits",
            "Stops and targets from ATR or percentages (or the voters' levels, bounded), a trailing stop that only"
                    + " tightens, break-even, a layered take-profit (volatility, time, momentum) and a time exit.",
            ParameterSpec.integer("atrPeriod", 14, 1, 1000, "period of the average true range, in bars"),
            ParameterSpec.choice("stopMode", "atr", LEVEL_MODES, "initial stop distance: atr: stopAtr × ATR; percent: stopPct"),
            ParameterSpec.decimal("stopAtr", 2.0, 0.1, 50, "initial stop distance in ATRs"),
            ParameterSpec.decimal("stopPct", 0.02, 0.0005, 0.5,
                    "initial stop distance as a fraction of the reference price (also the ATR warm-up fallback)"),
            ParameterSpec.choice("targetMode", "atr", LEVEL_MODES,
                    "initial target distance: atr: targetAtr × ATR; percent: targetPct"),
            ParameterSpec.decimal("targetAtr", 4.0, 0.1, 100, "initial target distance in ATRs"),
            ParameterSpec.decimal("targetPct", 0.04, 0.0005, 0.99,
                    "initial target distance as a fraction of the reference price (also the ATR warm-up fallback)"),
            ParameterSpec.bool("useSignalLevels", true, "use the voters' stop-loss / take-profit when the intent carries them"),
            ParameterSpec.decimal("minStopPct", 0.002, 0, 0.5, "smallest initial stop distance, a fraction of the reference price"),
            ParameterSpec.decimal("maxStopPct", 0.05, 0.0001, 0.5, "largest initial stop distance, a fraction of the reference price"),
            ParameterSpec.decimal("minTargetPct", 0.002, 0, 0.99,
                    "smallest initial target distance, a fraction of the reference price"),
            ParameterSpec.decimal("maxTargetPct", 0.10, 0.0001, 0.99,
                    "largest initial target distance, a fraction of the reference price"),
            ParameterSpec.choice("trailMode", "atr", List.of("off", "atr", "percent"),
                    "trailing stop distance from the close: off; atr: trailAtr × ATR; percent: trailPct × close"),
            ParameterSpec.decimal("trailAtr", 2.5, 0.1, 50, "trailing stop distance in ATRs"),
            ParameterSpec.decimal("trailPct", 0.015, 0.0005, 0.5, "trailing stop distance as a fraction of the close"),
            ParameterSpec.decimal("trailActivation", 0.0, 0, 1, "gain from which the stop trails"),
            ParameterSpec.decimal("breakEvenGain", 0.01, 0, 1, "gain from which the stop moves to break-even; 0 = off"),
            ParameterSpec.decimal("breakEvenOffset", 0.002, 0, 0.05,
                    "break-even stop beyond the entry price, a fraction of it (covers the round-trip fee)"),
            ParameterSpec.integer("maxBars", 0, 0, 1_000_000, "close a position held this many bars; 0 = off"),
            ParameterSpec.bool("layers", true, "scale the take-profit distance by the volatility, time and momentum layers"),
            ParameterSpec.decimal("highVolatilityAtrPct", 0.002, 0, 1, "ATR / close from which the volatility layer is active"),
            ParameterSpec.decimal("highVolatilityFactor", 1.5, 1, 10, "volatility layer's factor"),
            ParameterSpec.decimal("timeUrgentShare", 0.134, 0, 1,
                    "share of maxBars left below which the time layer applies timeUrgentFactor"),
            ParameterSpec.decimal("timeUrgentFactor", 0.2, 0.01, 1, "time layer's factor when urgent"),
            ParameterSpec.decimal("timeNearShare", 0.267, 0, 1,
                    "share of maxBars left below which the time layer applies timeNearFactor"),
            ParameterSpec.decimal("timeNearFactor", 0.5, 0.01, 1, "time layer's factor when near"),
            ParameterSpec.integer("momentumBars", 5, 1, 1000, "bars over which the momentum layer measures the close's change"),
            ParameterSpec.decimal("momentumFactor", 0.6, 0.01, 1, "momentum layer's factor when the price moves against the position"),
            ParameterSpec.choice("dcaMode", "off", List.of("off", "price", "bars"),
                    "entry legs: off: one market order; price: limit legs spaced by dcaSpacingPct;"
                            + " bars: market legs spaced by dcaSpacingBars"),
            ParameterSpec.decimal("dcaHighConfidence", 0.75, 0, 1, "consensus from which the entry has 2 legs"),
            ParameterSpec.decimal("dcaLowConfidence", 0.65, 0, 1,
                    "consensus from which the entry has 3 legs (below it 4); at most dcaHighConfidence"),
            ParameterSpec.text("splits2", "60,40", "percentages of the quantity of 2 legs, in order, adding up to 100"),
            ParameterSpec.text("splits3", "40,35,25", "percentages of the quantity of 3 legs, in order, adding up to 100"),
            ParameterSpec.text("splits4", "30,27,23,20", "percentages of the quantity of 4 legs, in order, adding up to 100"),
            ParameterSpec.decimal("dcaSpacingPct", 0.005, 0.0001, 0.2,
                    "price mode: leg k + 1 is a limit k × dcaSpacingPct beyond the reference price"),
            ParameterSpec.integer("dcaSpacingBars", 5, 1, 10_000,
                    "bars mode: leg k + 1 is a market order k × dcaSpacingBars bars after the first fill"),
            ParameterSpec.decimal("hedgeDrawdown", 0.10, 0, 1,
                    "portfolio drawdown from peak equity at which open positions are hedged; 0 = no hedging"),
            ParameterSpec.decimal("hedgeShare", 0.5, 0.01, 1, "share of a position's net quantity the hedge takes"),
            ParameterSpec.decimal("hedgeRelease", 0.05, 0, 1,
                    "drawdown at or below which hedges close; below hedgeDrawdown"));

    /** Called by PF4J. */
    public AdaptiveExitsManager() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ParameterException for {@code minStopPct > maxStopPct}, {@code minTargetPct > maxTargetPct},
     *                            {@code timeUrgentShare > timeNearShare}, {@code dcaLowConfidence > dcaHighConfidence}
     *                            or a {@code splitsN} that is not N positive percentages adding up to 100
     */
    @Override
    public PositionPolicy create(PositionContext context) {
        Parameters p = context.parameters();
        InitialLevels initial = InitialLevels.of(p);
        StopRules stops = StopRules.of(p);
        TargetLayers layers = TargetLayers.of(p);
        DcaLegs dca = DcaLegs.of(p);
        int period = p.getInt("atrPeriod");
        Markets markets = context.markets();
        Map<String, Indicator> atrs = new HashMap<>();
        for (String symbol : markets.symbols()) {
            atrs.put(symbol, markets.indicators(symbol).atr(period));
        }
        DrawdownHedge hedge = DrawdownHedge.of(p);
        return hedge == null
                ? new AdaptiveExitsPolicy(initial, dca, stops, layers, p.getInt("maxBars"), atrs)
                : new AdaptiveExitsPolicy.Hedging(initial, dca, stops, layers, p.getInt("maxBars"), atrs, hedge);
    }
}
