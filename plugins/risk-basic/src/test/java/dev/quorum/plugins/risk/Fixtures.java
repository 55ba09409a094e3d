package dev.quorum.plugins.risk;

import dev.quorum.api.Direction;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;
import dev.quorum.api.RiskContext;
import dev.quorum.testkit.TestPortfolio;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Hand-built order intents, portfolios and contexts for the risk tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private Fixtures() {
    }

    /** A long intent on BTC-USD. */
    static OrderIntent intent(double quantity, double referencePrice) {
        return new OrderIntent("BTC-USD", Direction.LONG, quantity, referencePrice, NOW, 1.0, List.of("bot-a"),
                OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A long position of one unit at 100. */
    static Position position(String symbol) {
        return new Position(symbol, Direction.LONG, 1, 100, NOW, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A risk context named after the module, with the given parameter. */
    static RiskContext context(String name, String parameter, Object value) {
        return new RiskContext(name, new Parameters(Map.of(parameter, value)));
    }

    /** A portfolio with this equity (all cash) and these positions. */
    static PortfolioView portfolio(double equity, Position... positions) {
        return portfolio(equity, List.of(), positions);
    }

    /** A portfolio with this equity (all cash), these entries waiting to fill, and these positions. */
    static PortfolioView portfolio(double equity, List<OrderIntent> pending, Position... positions) {
        return TestPortfolio.of(NOW, equity).with(positions).pending(pending.toArray(new OrderIntent[0]));
    }
}
