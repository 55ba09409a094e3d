package dev.quorum.plugins.riskguards;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Direction;
import dev.quorum.api.Markets;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * Limits how much exposure a new entry may add: on its symbol, in total, and across symbols that move
 * with it. Exposure is notional as a fraction of current equity.
 *
 * <p><b>Exposure.</b> An open position counts {@code quantity · lastPrice(symbol)}, or
 * {@code quantity · entryPrice} while its symbol has no last price (NaN); an entry waiting to fill
 * ({@link PortfolioView#pendingEntries()}) counts {@code quantity · referencePrice}. Longs and shorts
 * both count as positive notional. Three limits apply, each a multiple of {@link PortfolioView#equity()}:
 * <ul>
 *   <li>{@code maxSymbolExposure}: everything on the intent's symbol, both directions;</li>
 *   <li>{@code maxTotalExposure}: everything on every symbol (gross);</li>
 *   <li>{@code maxCorrelatedExposure}: positions and pending entries in the intent's direction on the
 *       intent's symbol and on every symbol whose correlation with it is {@code ≥ correlationThreshold}.
 *       Opposite-direction exposure is not counted here.</li>
 * </ul>
 *
 * <p><b>Correlation.</b> The Pearson correlation of one-bar log returns of the closes in
 * {@link Markets#history(String)} over the most recent {@code correlationBars} returns that both
 * symbols share: a return between two bars counts only when both symbols have bars at both open times,
 * adjacent in each history. With fewer than 10 such returns, a zero variance, or a symbol outside the
 * run's {@link Markets#symbols()}, the correlation is <i>unknown</i> and the symbol is treated as
 * correlated (the conservative choice); the reason says so when it matters.
 *
 * <p><b>Rule.</b> For each limit, {@code room = limit · equity − exposure counted by it}; the binding
 * limit is the one with the least room (the first of symbol, total, correlated on a tie), and the
 * allowed quantity is {@code room / referencePrice}. If the room is at most {@code 1e-9 · equity}
 * (none, or only rounding dust) the entry is rejected; if the allowed quantity is below the intent's it
 * is resized to it; otherwise it is approved. Reasons name the binding limit and its numbers. Equity
 * {@code ≤ 0} or NaN is rejected.
 *
 * <p>Parameters: {@code maxSymbolExposure} (decimal, default 0.5, in [0.001, 10]),
 * {@code maxTotalExposure} (decimal, default 1.0, in [0.001, 10]), {@code maxCorrelatedExposure}
 * (decimal, default 0.75, in [0.001, 10]), {@code correlationThreshold} (decimal, default 0.7, in
 * [0, 1]), {@code correlationBars} (integer, default 120, in [10, 100000]).
 */
@Extension
public class ExposureLimitsRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "exposure-limits";

    /** Room at most this share of equity is rounding dust: no room. */
    private static final double DUST = 1e-9;

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Exposure limits",
            "Caps the notional, as a multiple of equity, on one symbol, on all symbols, and on symbols correlated"
                    + " with the new entry in its direction; pending entries count.",
            ParameterSpec.decimal("maxSymbolExposure", 0.5, 0.001, 10, "most notional on one symbol, as a multiple of equity"),
            ParameterSpec.decimal("maxTotalExposure", 1.0, 0.001, 10,
                    "most gross notional on all symbols, longs and shorts, as a multiple of equity"),
            ParameterSpec.decimal("maxCorrelatedExposure", 0.75, 0.001, 10,
                    "most notional in the entry's direction on its symbol and the symbols correlated with it, as a multiple of equity"),
            ParameterSpec.decimal("correlationThreshold", 0.7, 0, 1,
                    "the correlation of one-bar log returns from which two symbols count as correlated"),
            ParameterSpec.integer("correlationBars", 120, 10, 100_000, "the most recent aligned returns the correlation uses"));

    /** Called by PF4J. */
    public ExposureLimitsRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public RiskCheck create(RiskContext context) {
        Parameters p = context.parameters();
        return new Check(p.getDouble("maxSymbolExposure"), p.getDouble("maxTotalExposure"), p.getDouble("maxCorrelatedExposure"),
                p.getDouble("correlationThreshold"), p.getInt("correlationBars"), context.markets());
    }

    /**
     * One limit's use: what it counts and how much room it leaves.
     *
     * @param parameter the limit's parameter name
     * @param limit     its value, a multiple of equity
     * @param exposure  the notional it counts now
     * @param what      what it counts, as the subject of "holds"
     */
    private record Use(String parameter, double limit, double exposure, String what) {

        double room(double equity) {
            return limit * equity - exposure;
        }

        String describe(double equity) {
            return String.format(Locale.ROOT, "%s binds: %s %.2f = %s of equity %.2f (limit %s)",
                    parameter, what, exposure, Guards.pct(exposure / equity), equity, Guards.pct(limit));
        }
    }

    /** One run's check; it keeps no state between decisions. */
    private static final class Check implements RiskCheck {

        private final double maxSymbol;
        private final double maxTotal;
        private final double maxCorrelated;
        private final double threshold;
        private final int correlationBars;
        private final Markets markets;

        Check(double maxSymbol, double maxTotal, double maxCorrelated, double threshold, int correlationBars, Markets markets) {
            this.maxSymbol = maxSymbol;
            this.maxTotal = maxTotal;
            this.maxCorrelated = maxCorrelated;
            this.threshold = threshold;
            this.correlationBars = correlationBars;
            this.markets = markets;
        }

        @Override
        public RiskDecision evaluate(OrderIntent intent, PortfolioView portfolio) {
            double equity = portfolio.equity();
            if (!Guards.usable(equity)) {
                return Guards.rejectEquity(ID, equity);
            }
            String symbol = intent.symbol();
            Direction direction = intent.direction();
            double onSymbol = 0;
            double total = 0;
            Map<String, Double> sameDirection = new TreeMap<>();
            for (Position p : portfolio.positions()) {
                double price = portfolio.lastPrice(p.symbol());
                double notional = p.notional(Double.isNaN(price) ? p.entryPrice() : price);
                total += notional;
                onSymbol += p.symbol().equals(symbol) ? notional : 0;
                if (p.direction() == direction) {
                    sameDirection.merge(p.symbol(), notional, Double::sum);
                }
            }
            for (OrderIntent e : portfolio.pendingEntries()) {
                double notional = e.notional();
                total += notional;
                onSymbol += e.symbol().equals(symbol) ? notional : 0;
                if (e.direction() == direction) {
                    sameDirection.merge(e.symbol(), notional, Double::sum);
                }
            }
            double correlated = 0;
            List<String> members = new ArrayList<>();
            for (Map.Entry<String, Double> held : sameDirection.entrySet()) {
                String other = held.getKey();
                if (other.equals(symbol)) {
                    members.add(other);
                } else {
                    double rho = correlation(symbol, other);
                    if (Double.isNaN(rho)) {
                        members.add(other + " (correlation unknown, counted as correlated)");
                    } else if (rho >= threshold) {
                        members.add(String.format(Locale.ROOT, "%s (correlation %.2f)", other, rho));
                    } else {
                        continue;
                    }
                }
                correlated += held.getValue();
            }

            Use bind = new Use("maxSymbolExposure", maxSymbol, onSymbol, symbol + " holds");
            Use totalUse = new Use("maxTotalExposure", maxTotal, total, "all symbols hold");
            if (totalUse.room(equity) < bind.room(equity)) {
                bind = totalUse;
            }
            String group = members.isEmpty() ? "none held" : String.join(", ", members);
            Use correlatedUse = new Use("maxCorrelatedExposure", maxCorrelated, correlated, String.format(Locale.ROOT,
                    "%s exposure on %s and symbols correlated at >= %.2f (%s) is", direction, symbol, threshold, group));
            if (correlatedUse.room(equity) < bind.room(equity)) {
                bind = correlatedUse;
            }

            double room = bind.room(equity);
            if (room <= DUST * equity) {
                return RiskDecision.reject(ID + ": " + bind.describe(equity) + "; no room for a new entry");
            }
            double allowed = room / intent.referencePrice();
            if (allowed >= intent.quantity()) {
                return RiskDecision.approve();
            }
            return RiskDecision.resize(allowed, String.format(Locale.ROOT, "%s: %s; room %.2f at %.2f → %.6f",
                    ID, bind.describe(equity), room, intent.referencePrice(), allowed));
        }

        /** The correlation of two symbols' returns, NaN when unknown. */
        private double correlation(String a, String b) {
            List<String> traded = markets.symbols();
            if (!traded.contains(a) || !traded.contains(b)) {
                return Double.NaN;
            }
            return Correlation.of(markets.history(a), markets.history(b), correlationBars);
        }
    }
}
