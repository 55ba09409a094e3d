package dev.quorum.plugins.risksizing;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskModule;
import dev.quorum.api.Trade;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : module.info().parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        for (int i = 0; i < overrides.length; i += 2) {
            String name = (String) overrides[i];
            ParameterSpec spec = module.info().parameters().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("undeclared parameter " + name));
            String problem = spec.problemWith(overrides[i + 1]);
            if (problem != null) {
                throw new IllegalArgumentException(name + ": " + problem);
            }
            values.put(name, overrides[i + 1]);
        }
        return new RiskContext(module.info().id(), new Parameters(values));
    }

    /** A portfolio with this equity, all cash, and nothing open or pending. */
    static PortfolioView portfolio(double equity) {
        return new PortfolioView() {
            @Override
            public Instant now() {
                return NOW;
            }

            @Override
            public double cash() {
                return equity;
            }

            @Override
            public double equity() {
                return equity;
            }

            @Override
            public double initialEquity() {
                return 10_000;
            }

            @Override
            public List<Position> positions() {
                return List.of();
            }

            @Override
            public List<OrderIntent> pendingEntries() {
                return List.of();
            }

            @Override
            public double lastPrice(String symbol) {
                return Double.NaN;
            }

            @Override
            public double feesPaid() {
                return 0;
            }
        };
    }
}
