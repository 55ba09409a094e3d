package dev.quorum.plugins.risk;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskModule;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Sizes every new position to at most a fixed fraction of current equity:
 * {@code quantity <= equity · fraction / referencePrice}. A larger intent is resized to that
 * quantity, a smaller one approved; with no positive equity nothing may be opened.
 */
@Extension
public class FixedFractionRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "fixed-fraction";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Fixed fraction",
            "Caps each new position at a fixed share of current equity.",
            ParameterSpec.decimal("fraction", 0.1, 0.001, 1.0, "share of current equity one new position may take"));

    /** Called by PF4J. */
    public FixedFractionRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public RiskCheck create(RiskContext context) {
        double fraction = context.parameters().getDouble("fraction");
        return (intent, portfolio) -> evaluate(fraction, intent, portfolio);
    }

    private static RiskDecision evaluate(double fraction, OrderIntent intent, PortfolioView portfolio) {
        double equity = portfolio.equity();
        if (!(equity > 0)) {
            return RiskDecision.reject(String.format(Locale.ROOT, "%s: equity %.2f is not positive", ID, equity));
        }
        double budget = equity * fraction;
        double target = budget / intent.referencePrice();
        if (intent.quantity() <= target) {
            return RiskDecision.approve();
        }
        return RiskDecision.resize(target, String.format(Locale.ROOT, "%s: %.1f%% of equity %.2f = %.2f at %.2f → %.6f",
                ID, fraction * 100, equity, budget, intent.referencePrice(), target));
    }
}
