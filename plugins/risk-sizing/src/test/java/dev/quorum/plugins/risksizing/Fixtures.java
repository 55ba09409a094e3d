package dev.quorum.plugins.risksizing;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskModule;
import dev.quorum.api.Trade;
import dev.quorum.testkit.TestParameters;
import dev.quorum.testkit.TestPortfolio;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/** Hand-built order intents, trades, portfolios and contexts for the sizing tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private Fixtures() {
    }

    /** A long intent on BTC-USD, voted for by these bots. */
    static OrderIntent intent(double quantity, double referencePrice, String... voters) {
        return new OrderIntent("BTC-USD", Direction.LONG, quantity, referencePrice, NOW, 1.0, List.of(voters),
                OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A closed long trade of one unit with this net pnl, voted for by these bots. */
    static Trade trade(long id, double pnl, String... bots) {
        return new Trade(id, "BTC-USD", Direction.LONG, 1, NOW.minusSeconds(3600), 1000, NOW, 1000 + pnl, 0, pnl,
                ExitReason.SIGNAL, List.of(bots));
    }

    /** Tells the check of {@code count} trades of this pnl by these bots, numbered on from {@code firstId}. */
    static long close(RiskCheck check, long firstId, int count, double pnl, String... bots) {
        long id = firstId;
        for (int i = 0; i < count; i++) {
            check.onTradeClosed(trade(id++, pnl, bots));
        }
        return id;
    }

    /**
     * The context the host would build: every declared parameter at its default, except the given
     * name/value pairs, each checked against its declaration as the host does.
     */
    static RiskContext context(RiskModule module, Object... overrides) {
        return new RiskContext(module.info().id(), TestParameters.of(module.info(), overrides));
    }

    /** A portfolio with this equity, all cash, and nothing open or pending. */
    static PortfolioView portfolio(double equity) {
        return TestPortfolio.of(NOW, equity);
    }
}
