package dev.quorum.plugins.risksizing;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskModule;
import dev.quorum.api.Trade;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Sizes every new position by a capped share of the Kelly fraction estimated from recent closed
 * trades: {@code quantity <= equity · fraction / referencePrice}. A larger intent is resized to that
 * quantity, a smaller or equal one approved; the module never enlarges an intent.
 *
 * <p><b>Relevant trades.</b> With {@code scope = voters} (the default), the closed trades in which at
 * least one of the intent's voters ({@link OrderIntent#voters()}) voted ({@link Trade#bots()}), each
 * trade once however many of the voters voted in it; an intent without voters has none. With
 * {@code scope = portfolio}, every closed trade. Only the most recent {@code lookback} relevant trades
 * count, most recent meaning last reported to {@link RiskCheck#onTradeClosed(Trade)}. Let {@code n}
 * be their number.
 *
 * <p><b>Fraction of equity.</b>
 * <ul>
 *   <li>{@code n < minTrades}: {@code fraction = min(cap, fallbackFraction)}.</li>
 *   <li>Otherwise, with {@code W = wins / n} (a win is {@link Trade#isWin()}, {@code pnl > 0}),
 *       {@code avgWin} the mean pnl of the wins, {@code avgLoss} the mean {@code |pnl|} of the other
 *       trades (a break-even trade, {@code pnl = 0}, is a loss of size 0) and the payoff
 *       {@code R = avgWin / avgLoss}, the full Kelly fraction is {@code f* = W − (1 − W) / R}, with
 *       two edge cases: no losing trade gives {@code f* = 1}; no win gives {@code f* = −∞}. If every
 *       losing trade broke even, {@code R = ∞} and {@code f* = W}. When {@code f* <= 0} (no edge),
 *       {@code fraction = min(cap, noEdgeFraction)}: a small probe size, so that trades keep coming and the
 *       statistics can recover (rejecting would freeze them: a module that blocks every entry never sees
 *       another trade); with {@code noEdgeFraction = 0} the intent is <b>rejected</b>. Else
 *       {@code fraction = min(cap, kellyFraction · f*)}.</li>
 * </ul>
 * Equity ({@link PortfolioView#equity()}) that is not {@code > 0}, or NaN, rejects every intent, as
 * does a target quantity that underflows to 0.
 *
 * <p><b>State.</b> Each {@link #create(RiskContext)} returns a new check that remembers the pnl of the
 * closed trades it is told of: the last {@code lookback} of all trades ({@code portfolio}), or the last
 * {@code lookback} of each bot ({@code voters}; the most recent {@code lookback} distinct trades of any
 * set of voters are always among the union of their last {@code lookback} each). It ignores bars.
 *
 * <p>{@code minTrades} above {@code lookback} could never be reached; {@code create} refuses it with a
 * {@link ParameterException}.
 */
@Extension
public class KellySizingRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "kelly-sizing";

    /** The {@code scope} value that counts the trades of the intent's voters. */
    public static final String SCOPE_VOTERS = "voters";

    /** The {@code scope} value that counts every closed trade. */
    public static final String SCOPE_PORTFOLIO = "portfolio";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Kelly sizing",
            "Sizes each new position at a capped share of the Kelly fraction estimated from recent closed trades"
                    + " of the intent's voters (or of the portfolio); a probe size while they show no edge.",
            ParameterSpec.decimal("kellyFraction", 0.5, 0.01, 1.0, "share of the full Kelly fraction used (0.5 = half Kelly)"),
            ParameterSpec.decimal("cap", 0.25, 0.001, 1.0, "largest share of equity one new position may take"),
            ParameterSpec.decimal("fallbackFraction", 0.1, 0.001, 1.0,
                    "fixed share of equity used while fewer than minTrades trades have closed"),
            ParameterSpec.integer("minTrades", 30, 1, 100_000, "closed trades needed before Kelly is used"),
            ParameterSpec.decimal("noEdgeFraction", 0.01, 0, 1.0,
                    "share of equity while the trades show no edge (Kelly f* <= 0); 0 rejects such intents"),
            ParameterSpec.integer("lookback", 200, 10, 1_000_000, "only the most recent lookback relevant trades count"),
            ParameterSpec.choice("scope", SCOPE_VOTERS, List.of(SCOPE_VOTERS, SCOPE_PORTFOLIO),
                    "voters: trades in which one of the intent's voters voted; portfolio: every closed trade"));

    /** Called by PF4J. */
    public KellySizingRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ParameterException if {@code minTrades} exceeds {@code lookback}, or {@code scope} is unknown
     */
    @Override
    public RiskCheck create(RiskContext context) {
        return new KellyCheck(Settings.of(context.parameters()));
    }

    /** The validated parameters. */
    private record Settings(double kellyFraction, double cap, double fallbackFraction, int minTrades, int lookback,
                            boolean byVoters, double noEdgeFraction) {

        static Settings of(Parameters p) {
            int minTrades = p.getInt("minTrades");
            int lookback = p.getInt("lookback");
            if (minTrades > lookback) {
                throw new ParameterException("minTrades", minTrades,
                        "at most lookback (" + lookback + "), or Kelly could never be used");
            }
            String scope = p.getString("scope");
            if (!scope.equals(SCOPE_VOTERS) && !scope.equals(SCOPE_PORTFOLIO)) {
                throw new ParameterException("scope", scope, SCOPE_VOTERS + " or " + SCOPE_PORTFOLIO);
            }
            return new Settings(p.getDouble("kellyFraction"), p.getDouble("cap"), p.getDouble("fallbackFraction"),
                    minTrades, lookback, scope.equals(SCOPE_VOTERS), p.getDouble("noEdgeFraction"));
        }
    }

    /**
     * One closed trade as the module remembers it.
     *
     * @param seq the order in which the check was told of it, from 0
     * @param pnl its net pnl
     */
    private record ClosedTrade(long seq, double pnl) {
    }

    /**
     * The statistics of the relevant trades.
     *
     * @param n       the number of trades
     * @param wins    how many had {@code pnl > 0}
     * @param sumWin  the sum of their pnl
     * @param sumLoss the sum of {@code |pnl|} of the others
     */
    private record Edge(int n, int wins, double sumWin, double sumLoss) {

        double winRate() {
            return (double) wins / n;
        }

        /** {@code avgWin / avgLoss}: 0 without wins, ∞ without losses or when every loss broke even. */
        double payoff() {
            if (wins == 0) {
                return 0;
            }
            if (wins == n) {
                return Double.POSITIVE_INFINITY;
            }
            return (sumWin / wins) / (sumLoss / (n - wins));
        }

        /** The full Kelly fraction {@code W − (1 − W) / R}: 1 without losses, −∞ without wins. */
        double kelly() {
            if (wins == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (wins == n) {
                return 1;
            }
            double w = winRate();
            return w - (1 - w) / payoff();
        }
    }

    /** The state of one run. */
    private static final class KellyCheck implements RiskCheck {

        private final Settings settings;
        // portfolio scope: the last lookback trades, oldest first
        private final ArrayDeque<ClosedTrade> all = new ArrayDeque<>();
        // voters scope: per bot, the last lookback trades it voted in, oldest first
        private final Map<String, ArrayDeque<ClosedTrade>> byBot = new HashMap<>();
        private long seen;

        KellyCheck(Settings settings) {
            this.settings = settings;
        }

        @Override
        public void onTradeClosed(Trade trade) {
            ClosedTrade closed = new ClosedTrade(seen++, trade.pnl());
            if (!settings.byVoters()) {
                remember(all, closed);
                return;
            }
            for (String bot : new LinkedHashSet<>(trade.bots())) {
                remember(byBot.computeIfAbsent(bot, b -> new ArrayDeque<>()), closed);
            }
        }

        private void remember(ArrayDeque<ClosedTrade> trades, ClosedTrade closed) {
            trades.addLast(closed);
            if (trades.size() > settings.lookback()) {
                trades.removeFirst();
            }
        }

        @Override
        public RiskDecision evaluate(OrderIntent intent, PortfolioView portfolio) {
            double equity = portfolio.equity();
            if (!(equity > 0)) {
                return RiskDecision.reject(String.format(Locale.ROOT, "%s: equity %.2f is not positive", ID, equity));
            }
            Edge edge = settings.byVoters() ? votersEdge(intent.voters()) : edgeOf(all.descendingIterator());
            String how;
            double uncapped;
            if (edge.n() < settings.minTrades()) {
                uncapped = settings.fallbackFraction();
                how = String.format(Locale.ROOT, "fewer than minTrades (%d of %d) closed trades: fixed fraction %.2f%%",
                        edge.n(), settings.minTrades(), uncapped * 100);
            } else {
                double kelly = edge.kelly();
                String stats = String.format(Locale.ROOT, "win rate %.1f%%, payoff %s over %d trades",
                        edge.winRate() * 100, number(edge.payoff(), "%.2f"), edge.n());
                if (!(kelly > 0)) {
                    if (settings.noEdgeFraction() == 0) {
                        return RiskDecision.reject(String.format(Locale.ROOT, "%s: no edge: %s, Kelly f* %s ≤ 0",
                                ID, stats, number(kelly, "%.4f")));
                    }
                    uncapped = settings.noEdgeFraction();
                    how = String.format(Locale.ROOT, "no edge: %s, Kelly f* %s ≤ 0: probe size %.2f%%",
                            stats, number(kelly, "%.4f"), uncapped * 100);
                } else {
                    uncapped = settings.kellyFraction() * kelly;
                    how = String.format(Locale.ROOT, "%s: Kelly f* %.4f × %.2f = %.2f%%",
                            stats, kelly, settings.kellyFraction(), uncapped * 100);
                }
            }
            double fraction = Math.min(settings.cap(), uncapped);
            double budget = equity * fraction;
            double target = budget / intent.referencePrice();
            if (intent.quantity() <= target) {
                return RiskDecision.approve();
            }
            String capped = settings.cap() < uncapped ? String.format(Locale.ROOT, ", capped at %.2f%%", settings.cap() * 100) : "";
            String reason = String.format(Locale.ROOT, "%s: %s%s of equity %.2f = %.2f at %.2f → %.6f",
                    ID, how, capped, equity, budget, intent.referencePrice(), target);
            // a target that underflows to 0 cannot be a resize
            return target > 0 ? RiskDecision.resize(target, reason) : RiskDecision.reject(reason);
        }

        /** The most recent {@code lookback} distinct trades of any of the voters: a merge of their deques, newest first. */
        private Edge votersEdge(List<String> voters) {
            List<Iterator<ClosedTrade>> sources = new ArrayList<>();
            for (String bot : new LinkedHashSet<>(voters)) {
                ArrayDeque<ClosedTrade> trades = byBot.get(bot);
                if (trades != null) {
                    sources.add(trades.descendingIterator());
                }
            }
            if (sources.size() == 1) {
                return edgeOf(sources.getFirst());
            }
            ClosedTrade[] heads = new ClosedTrade[sources.size()];
            for (int i = 0; i < heads.length; i++) {
                heads[i] = sources.get(i).next(); // a bot's deque is never empty once created
            }
            List<ClosedTrade> merged = new ArrayList<>();
            long last = -1;
            while (merged.size() < settings.lookback()) {
                int newest = -1;
                for (int i = 0; i < heads.length; i++) {
                    if (heads[i] != null && (newest < 0 || heads[i].seq() > heads[newest].seq())) {
                        newest = i;
                    }
                }
                if (newest < 0) {
                    break;
                }
                ClosedTrade trade = heads[newest];
                heads[newest] = sources.get(newest).hasNext() ? sources.get(newest).next() : null;
                if (trade.seq() != last) { // a trade several voters voted in comes up once from each of them, in a row
                    merged.add(trade);
                    last = trade.seq();
                }
            }
            return edgeOf(merged.iterator());
        }

        /** The statistics of at most {@code lookback} trades. */
        private Edge edgeOf(Iterator<ClosedTrade> trades) {
            int n = 0;
            int wins = 0;
            double sumWin = 0;
            double sumLoss = 0;
            while (n < settings.lookback() && trades.hasNext()) {
                double pnl = trades.next().pnl();
                n++;
                if (pnl > 0) {
                    wins++;
                    sumWin += pnl;
                } else {
                    sumLoss -= pnl;
                }
            }
            return new Edge(n, wins, sumWin, sumLoss);
        }
    }

    /** A number in a reason, with {@code ∞} and {@code −∞} for the infinities. */
    private static String number(double value, String format) {
        if (value == Double.POSITIVE_INFINITY) {
            return "∞";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "−∞";
        }
        return String.format(Locale.ROOT, format, value);
    }
}
