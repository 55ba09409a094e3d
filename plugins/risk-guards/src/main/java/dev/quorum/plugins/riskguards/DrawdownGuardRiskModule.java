package dev.quorum.plugins.riskguards;

import dev.quorum.api.Bar;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskModule;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Blocks or shrinks new entries while the portfolio is in a deep drawdown from its peak equity.
 *
 * <p><b>Peak.</b> The peak starts at {@link PortfolioView#initialEquity()} on the first observation
 * and rises to every higher {@link PortfolioView#equity()} observed, on every bar
 * ({@link RiskCheck#onBar}) and at the start of every {@code evaluate}. It never falls. A NaN equity is
 * not observed.
 *
 * <p><b>Rule.</b> The drawdown is {@code (peak − equity) / peak}. While
 * {@code peak − equity ≥ maxDrawdown · peak} (exactly at the limit counts), in {@code block} mode every
 * new entry is rejected, and in {@code shrink} mode it is resized to {@code quantity · shrinkFactor}
 * (approved unchanged when {@code shrinkFactor} is 1). Once equity is back above
 * {@code peak · (1 − maxDrawdown)} entries pass unchanged again. Equity {@code ≤ 0} or NaN is
 * rejected.
 *
 * <p>Parameters: {@code maxDrawdown} (decimal, default 0.10, in [0.001, 1]), {@code mode} ({@code block}
 * or {@code shrink}, default {@code block}), {@code shrinkFactor} (decimal, default 0.5, in [0.01, 1];
 * used in {@code shrink} mode only).
 */
@Extension
public class DrawdownGuardRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "drawdown-guard";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Drawdown guard",
            "Blocks or shrinks new entries while equity is at least maxDrawdown below its peak.",
            ParameterSpec.decimal("maxDrawdown", 0.10, 0.001, 1.0,
                    "the fall from peak equity, as a fraction of the peak, from which the guard acts"),
            ParameterSpec.choice("mode", "block", List.of("block", "shrink"),
                    "block: reject new entries; shrink: multiply their quantity by shrinkFactor"),
            ParameterSpec.decimal("shrinkFactor", 0.5, 0.01, 1.0, "in shrink mode, the share of the quantity kept"));

    /** Called by PF4J. */
    public DrawdownGuardRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public RiskCheck create(RiskContext context) {
        Parameters parameters = context.parameters();
        return new Check(parameters.getDouble("maxDrawdown"), parameters.getString("mode").equals("shrink"),
                parameters.getDouble("shrinkFactor"));
    }

    /** One run's state: the peak equity seen so far. */
    private static final class Check implements RiskCheck {

        private final double maxDrawdown;
        private final boolean shrink;
        private final double shrinkFactor;

        private double peak = Double.NaN;   // NaN before the first observation

        Check(double maxDrawdown, boolean shrink, double shrinkFactor) {
            this.maxDrawdown = maxDrawdown;
            this.shrink = shrink;
            this.shrinkFactor = shrinkFactor;
        }

        @Override
        public void onBar(Bar bar, PortfolioView portfolio) {
            observe(portfolio.equity(), portfolio.initialEquity());
        }

        @Override
        public RiskDecision evaluate(OrderIntent intent, PortfolioView portfolio) {
            double equity = portfolio.equity();
            observe(equity, portfolio.initialEquity());
            if (!Guards.usable(equity)) {
                return Guards.rejectEquity(ID, equity);
            }
            double drop = peak - equity;
            if (!(drop >= maxDrawdown * peak)) {
                return RiskDecision.approve();
            }
            String state = String.format(Locale.ROOT, "%s: equity %.2f is %s below its peak %.2f (limit %s)",
                    ID, equity, Guards.pct(drop / peak), peak, Guards.pct(maxDrawdown));
            if (!shrink) {
                return RiskDecision.reject(String.format(Locale.ROOT, "%s; no new entries until equity is above %.2f",
                        state, peak * (1 - maxDrawdown)));
            }
            if (shrinkFactor >= 1) {
                return RiskDecision.approve();
            }
            double quantity = intent.quantity() * shrinkFactor;
            return RiskDecision.resize(quantity, String.format(Locale.ROOT, "%s; quantity × %.2f: %.6f → %.6f",
                    state, shrinkFactor, intent.quantity(), quantity));
        }

        private void observe(double equity, double initialEquity) {
            if (Double.isNaN(peak)) {
                peak = initialEquity;
            }
            if (equity > peak) {
                peak = equity;
            }
        }
    }
}
