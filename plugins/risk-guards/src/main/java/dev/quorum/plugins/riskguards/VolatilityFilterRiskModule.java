package dev.quorum.plugins.riskguards;

import dev.quorum.api.BarHistory;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Indicator;
import dev.quorum.api.Markets;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskModule;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Blocks or shrinks new entries on a symbol whose volatility, the average true range as a fraction of
 * the price, is outside a band.
 *
 * <p><b>Reading.</b> When created, the module asks the host for {@code ATR(atrPeriod)} (Wilder's, see
 * {@link dev.quorum.api.Indicators#atr(int)}) of every symbol in {@link Markets#symbols()}; the host
 * keeps them up to date. On an intent, {@code ratio = ATR / close}, the close being the latest one in
 * {@link Markets#history(String)}, or the intent's {@code referencePrice} while the history is empty.
 *
 * <p><b>Rule.</b> While the ATR is NaN (its first {@code atrPeriod} bars), there is no reading and the
 * entry is rejected. If {@code minAtrPct ≤ ratio ≤ maxAtrPct} (both bounds inclusive) it is approved.
 * Outside the band, {@code block} mode rejects it and {@code shrink} mode resizes it to
 * {@code quantity · shrinkFactor} (approved unchanged when {@code shrinkFactor} is 1). An intent on a
 * symbol outside the run's markets has no ATR and is rejected. Equity {@code ≤ 0} or NaN is rejected.
 *
 * <p>Parameters: {@code atrPeriod} (integer, default 14, in [1, 1000]), {@code minAtrPct} (decimal,
 * default 0.0, in [0, 1]), {@code maxAtrPct} (decimal, default 0.05, in [0, 1]; {@code minAtrPct}
 * must be below it, else a {@link ParameterException} on {@code minAtrPct}), {@code mode}
 * ({@code block} or {@code shrink}, default {@code block}), {@code shrinkFactor} (decimal, default 0.5,
 * in [0.01, 1]; used in {@code shrink} mode only).
 */
@Extension
public class VolatilityFilterRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "volatility-filter";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Volatility filter",
            "Blocks or shrinks new entries while ATR / close of their symbol is outside [minAtrPct, maxAtrPct].",
            ParameterSpec.integer("atrPeriod", 14, 1, 1000, "period of the average true range, in bars"),
            ParameterSpec.decimal("minAtrPct", 0.0, 0, 1, "lowest ATR / close that lets an entry through unchanged"),
            ParameterSpec.decimal("maxAtrPct", 0.05, 0, 1, "highest ATR / close that lets an entry through unchanged"),
            ParameterSpec.choice("mode", "block", List.of("block", "shrink"),
                    "outside the band, block: reject the entry; shrink: multiply its quantity by shrinkFactor"),
            ParameterSpec.decimal("shrinkFactor", 0.5, 0.01, 1.0, "in shrink mode, the share of the quantity kept"));

    /** Called by PF4J. */
    public VolatilityFilterRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public RiskCheck create(RiskContext context) {
        Parameters p = context.parameters();
        double min = p.getDouble("minAtrPct");
        double max = p.getDouble("maxAtrPct");
        if (min >= max) {
            throw new ParameterException("minAtrPct", min, "below maxAtrPct (" + max + ")");
        }
        int period = p.getInt("atrPeriod");
        Markets markets = context.markets();
        Map<String, Indicator> atrs = new HashMap<>();
        for (String symbol : markets.symbols()) {
            atrs.put(symbol, markets.indicators(symbol).atr(period));
        }
        return new Check(period, min, max, p.getString("mode").equals("shrink"), p.getDouble("shrinkFactor"), markets,
                Map.copyOf(atrs));
    }

    /**
     * One run's check: the live ATR of every symbol and the band.
     *
     * @param period       the ATR period
     * @param min          the lowest ratio let through
     * @param max          the highest ratio let through
     * @param shrink       whether to shrink rather than block outside the band
     * @param shrinkFactor the share of the quantity kept when shrinking
     * @param markets      the run's markets, for the latest close
     * @param atrs         each symbol's ATR
     */
    private record Check(int period, double min, double max, boolean shrink, double shrinkFactor, Markets markets,
                         Map<String, Indicator> atrs) implements RiskCheck {

        @Override
        public RiskDecision evaluate(OrderIntent intent, PortfolioView portfolio) {
            double equity = portfolio.equity();
            if (!Guards.usable(equity)) {
                return Guards.rejectEquity(ID, equity);
            }
            String symbol = intent.symbol();
            Indicator atr = atrs.get(symbol);
            if (atr == null) {
                return RiskDecision.reject(String.format(Locale.ROOT, "%s: no ATR(%d) for %s: the run's markets do not include it",
                        ID, period, symbol));
            }
            double value = atr.value();
            if (Double.isNaN(value)) {
                return RiskDecision.reject(String.format(Locale.ROOT, "%s: ATR(%d) not yet available: no volatility reading for %s",
                        ID, period, symbol));
            }
            BarHistory history = markets.history(symbol);
            double close = history.size() > 0 ? history.close(0) : intent.referencePrice();
            double ratio = value / close;
            if (ratio >= min && ratio <= max) {
                return RiskDecision.approve();
            }
            String state = String.format(Locale.ROOT, "%s: %s ATR(%d) %.6g is %s of the close %.2f, %s %s",
                    ID, symbol, period, value, Guards.pct(ratio), close,
                    ratio > max ? "above the maximum" : "below the minimum", Guards.pct(ratio > max ? max : min));
            if (!shrink) {
                return RiskDecision.reject(state);
            }
            if (shrinkFactor >= 1) {
                return RiskDecision.approve();
            }
            double quantity = intent.quantity() * shrinkFactor;
            return RiskDecision.resize(quantity, String.format(Locale.ROOT, "%s; quantity × %.2f: %.6f → %.6f",
                    state, shrinkFactor, intent.quantity(), quantity));
        }
    }
}
