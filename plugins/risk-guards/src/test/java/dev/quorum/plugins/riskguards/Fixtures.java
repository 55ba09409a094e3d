package dev.quorum.plugins.riskguards;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Markets;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Position;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskModule;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.testkit.TestBarHistory;
import dev.quorum.testkit.TestParameters;
import dev.quorum.testkit.TestPortfolio;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Hand-built portfolios, intents, trades, bars, markets and contexts shared by the guard tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2018-04-05T12:00:00Z");
    static final String BTC = "BTC-USD";
    static final String ETH = "ETH-USD";
    static final String LTC = "LTC-USD";

    private Fixtures() {
    }

    // ---------------------------------------------------------------- contexts

    /**
     * A context as the host builds it: the module's declared defaults, overridden by {@code keyValues}
     * (name, value, name, value …), each checked against its declaration.
     */
    static RiskContext context(RiskModule module, Markets markets, Object... keyValues) {
        return new RiskContext(module.info().id(), TestParameters.of(module.info(), keyValues), markets);
    }

    /** A context without market data. */
    static RiskContext context(RiskModule module, Object... keyValues) {
        return context(module, Markets.none(), keyValues);
    }

    // ---------------------------------------------------------------- intents, positions, trades

    /** A long intent on BTC-USD. */
    static OrderIntent intent(double quantity, double referencePrice) {
        return intent(BTC, Direction.LONG, quantity, referencePrice);
    }

    static OrderIntent intent(String symbol, Direction direction, double quantity, double referencePrice) {
        return new OrderIntent(symbol, direction, quantity, referencePrice, NOW, 1.0, List.of("bot-a"),
                OptionalDouble.empty(), OptionalDouble.empty());
    }

    static Position position(String symbol, Direction direction, double quantity, double entryPrice) {
        return new Position(symbol, direction, quantity, entryPrice, NOW.minusSeconds(3600), OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /** A closed long trade of one unit on a symbol. */
    static Trade trade(long id, String symbol, double pnl, ExitReason reason) {
        Instant exit = Instant.parse("2018-04-05T10:00:00Z");
        return new Trade(id, symbol, Direction.LONG, 1, exit.minusSeconds(600), 100, exit, 100 + pnl, 0, pnl, reason,
                List.of("bot-a"));
    }

    // ---------------------------------------------------------------- portfolios

    /** A flat portfolio at {@link #NOW} with this equity, all cash, from an initial 10,000. */
    static TestPortfolio portfolio(double equity) {
        return TestPortfolio.of(NOW, equity);
    }

    // ---------------------------------------------------------------- bars and markets

    /** A flat one-minute bar (open = high = low = close). */
    static Bar bar(String symbol, Instant openTime, double close) {
        return new Bar(symbol, Timeframe.M1, openTime, close, close, close, close, 1);
    }

    /** One-minute bars of a symbol from {@code firstOpen}, one a minute, closes given oldest first. */
    static List<Bar> bars(String symbol, Instant firstOpen, double... closesOldestFirst) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closesOldestFirst.length; i++) {
            bars.add(bar(symbol, firstOpen.plusSeconds(60L * i), closesOldestFirst[i]));
        }
        return bars;
    }

    /** Closes starting at {@code start}, each the one before times the next factor, oldest first. */
    static double[] path(double start, double... factors) {
        double[] closes = new double[factors.length + 1];
        closes[0] = start;
        for (int i = 0; i < factors.length; i++) {
            closes[i + 1] = closes[i] * factors[i];
        }
        return closes;
    }

    /** A history over bars given oldest first, served newest first as the host does. */
    static BarHistory history(List<Bar> oldestFirst) {
        return TestBarHistory.of(oldestFirst);
    }
}
