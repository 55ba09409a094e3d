package dev.quorum.plugins.risk;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskModule;
import org.pf4j.Extension;

/** Rejects a new position while the portfolio already holds {@code max} open positions. */
@Extension
public class MaxOpenPositionsRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "max-open-positions";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Max open positions",
            "Blocks new positions while the portfolio holds the maximum number of open positions,"
                    + " counting entries already sent but not yet filled.",
            ParameterSpec.integer("max", 3, 1, 100, "most positions open at once"));

    /** Called by PF4J. */
    public MaxOpenPositionsRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public RiskCheck create(RiskContext context) {
        int max = context.parameters().getInt("max");
        return (intent, portfolio) -> {
            int open = portfolio.positions().size();
            // an entry still filling on a symbol that already holds part of its position counts once
            int pending = (int) portfolio.pendingEntries().stream()
                    .filter(e -> portfolio.position(e.symbol()).isEmpty()).map(e -> e.symbol()).distinct().count();
            return open + pending >= max
                    ? RiskDecision.reject(ID + ": " + open + " open and " + pending + " pending, limit " + max)
                    : RiskDecision.approve();
        };
    }
}
