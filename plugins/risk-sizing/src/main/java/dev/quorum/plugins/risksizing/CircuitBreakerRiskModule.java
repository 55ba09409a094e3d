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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Sizes every new position at a base share of equity times a multiplier that shrinks after loss
 * streaks and grows back after win streaks: {@code quantity <= equity · baseFraction · m / referencePrice}.
 * A larger intent is resized to that quantity, a smaller or equal one approved. The module never
 * enlarges an intent: a multiplier above 1 only lets through more of what it is given, never more
 * than it is given.
 *
 * <p><b>Streaks.</b> Each scope key (the single key {@code portfolio}, or with {@code scope = bot}
 * one key per bot name) has a multiplier {@code m} (starting at 1), a count of consecutive losses
 * {@code L} and one of consecutive wins {@code Wc} (both starting at 0). Each closed trade updates the
 * portfolio key, or with {@code scope = bot} the key of every distinct bot in {@link Trade#bots()}:
 * <ul>
 *   <li>a win ({@link Trade#isWin()}, {@code pnl > 0}): {@code Wc += 1}, {@code L = 0}; when
 *       {@code Wc} reaches {@code winStreak}, {@code m = min(maxMultiplier, m · growFactor)} and
 *       {@code Wc = 0};</li>
 *   <li>a loss ({@code pnl <= 0}, break-even included): {@code L += 1}, {@code Wc = 0}; when
 *       {@code L} reaches {@code lossStreak}, {@code m = max(minMultiplier, m · shrinkFactor)} and
 *       {@code L = 0}.</li>
 * </ul>
 * So with the defaults the 3rd, 6th, 9th… loss in a row each halve {@code m} (1 → 0.5 → 0.25 → 0.125
 * → floored at 0.1), the 3rd, 6th, 9th… win in a row each multiply it by 1.2 (1 → 1.2 → 1.44 → 1.728 →
 * 2.0, not 2.0736), and a single trade of the other kind restarts the count without touching
 * {@code m}. A trade without bots changes nothing in {@code bot} scope.
 *
 * <p><b>Evaluation.</b> The multiplier of an intent is the portfolio's, or with {@code scope = bot}
 * the smallest multiplier among {@link OrderIntent#voters()} (a bot never seen has 1; an intent
 * without voters gets 1): the most cautious voter decides. Equity ({@link PortfolioView#equity()})
 * that is not {@code > 0}, or NaN, rejects every intent, as does a target quantity that underflows
 * to 0.
 *
 * <p>Each {@link #create(RiskContext)} returns a new check with fresh streaks; it ignores bars.
 */
@Extension
public class CircuitBreakerRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "circuit-breaker";

    /** The {@code scope} value that keeps one streak for the whole portfolio. */
    public static final String SCOPE_PORTFOLIO = "portfolio";

    /** The {@code scope} value that keeps one streak per bot. */
    public static final String SCOPE_BOT = "bot";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Circuit breaker",
            "Sizes each new position at a base share of equity times a multiplier that shrinks after loss streaks"
                    + " and grows back after win streaks, for the portfolio or per bot.",
            ParameterSpec.decimal("baseFraction", 0.1, 0.001, 1.0, "share of equity one new position takes at multiplier 1"),
            ParameterSpec.integer("lossStreak", 3, 1, 100, "consecutive losses that shrink the multiplier"),
            ParameterSpec.decimal("shrinkFactor", 0.5, 0.01, 1.0, "factor applied to the multiplier after a loss streak"),
            ParameterSpec.integer("winStreak", 3, 1, 100, "consecutive wins that grow the multiplier"),
            ParameterSpec.decimal("growFactor", 1.2, 1.0, 10.0, "factor applied to the multiplier after a win streak"),
            ParameterSpec.decimal("maxMultiplier", 2.0, 1.0, 10.0, "largest multiplier"),
            ParameterSpec.decimal("minMultiplier", 0.1, 0.01, 1.0, "smallest multiplier"),
            ParameterSpec.choice("scope", SCOPE_PORTFOLIO, List.of(SCOPE_PORTFOLIO, SCOPE_BOT),
                    "portfolio: one streak for all trades; bot: one per bot, the most cautious voter decides"));

    /** Called by PF4J. */
    public CircuitBreakerRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ParameterException if {@code scope} is unknown
     */
    @Override
    public RiskCheck create(RiskContext context) {
        return new BreakerCheck(Settings.of(context.parameters()));
    }

    /** The validated parameters. */
    private record Settings(double baseFraction, int lossStreak, double shrinkFactor, int winStreak, double growFactor,
                            double maxMultiplier, double minMultiplier, boolean byBot) {

        static Settings of(Parameters p) {
            String scope = p.getString("scope");
            if (!scope.equals(SCOPE_PORTFOLIO) && !scope.equals(SCOPE_BOT)) {
                throw new ParameterException("scope", scope, SCOPE_PORTFOLIO + " or " + SCOPE_BOT);
            }
            return new Settings(p.getDouble("baseFraction"), p.getInt("lossStreak"), p.getDouble("shrinkFactor"),
                    p.getInt("winStreak"), p.getDouble("growFactor"), p.getDouble("maxMultiplier"),
                    p.getDouble("minMultiplier"), scope.equals(SCOPE_BOT));
        }
    }

    /**
     * The state of one scope key.
     *
     * @param multiplier the size multiplier {@code m}
     * @param losses     consecutive losses since the last win or the last shrink, {@code L}
     * @param wins       consecutive wins since the last loss or the last growth, {@code Wc}
     */
    private record Streak(double multiplier, int losses, int wins) {

        static final Streak START = new Streak(1.0, 0, 0);

        Streak after(boolean win, Settings s) {
            if (win) {
                return wins + 1 >= s.winStreak()
                        ? new Streak(Math.min(s.maxMultiplier(), multiplier * s.growFactor()), 0, 0)
                        : new Streak(multiplier, 0, wins + 1);
            }
            return losses + 1 >= s.lossStreak()
                    ? new Streak(Math.max(s.minMultiplier(), multiplier * s.shrinkFactor()), 0, 0)
                    : new Streak(multiplier, losses + 1, 0);
        }
    }

    /** The state of one run. */
    private static final class BreakerCheck implements RiskCheck {

        private final Settings settings;
        private Streak portfolio = Streak.START;
        private final Map<String, Streak> byBot = new HashMap<>();

        BreakerCheck(Settings settings) {
            this.settings = settings;
        }

        @Override
        public void onTradeClosed(Trade trade) {
            boolean win = trade.isWin();
            if (!settings.byBot()) {
                portfolio = portfolio.after(win, settings);
                return;
            }
            for (String bot : new LinkedHashSet<>(trade.bots())) {
                byBot.put(bot, byBot.getOrDefault(bot, Streak.START).after(win, settings));
            }
        }

        @Override
        public RiskDecision evaluate(OrderIntent intent, PortfolioView view) {
            double equity = view.equity();
            if (!(equity > 0)) {
                return RiskDecision.reject(String.format(Locale.ROOT, "%s: equity %.2f is not positive", ID, equity));
            }
            Streak streak;
            String whose;
            if (!settings.byBot()) {
                streak = portfolio;
                whose = "portfolio multiplier";
            } else if (intent.voters().isEmpty()) {
                streak = Streak.START;
                whose = "no voters: multiplier";
            } else {
                String cautious = null;
                streak = null;
                for (String bot : intent.voters()) {
                    Streak s = byBot.getOrDefault(bot, Streak.START);
                    if (streak == null || s.multiplier() < streak.multiplier()) {
                        streak = s;
                        cautious = bot;
                    }
                }
                whose = intent.voters().size() == 1 ? "multiplier of " + cautious
                        : String.format(Locale.ROOT, "multiplier of %s, the most cautious of %d voters,", cautious,
                                intent.voters().size());
            }
            double m = streak.multiplier();
            double fraction = settings.baseFraction() * m;
            double budget = equity * fraction;
            double target = budget / intent.referencePrice();
            if (intent.quantity() <= target) {
                return RiskDecision.approve();
            }
            String reason = String.format(Locale.ROOT,
                    "%s: %s %.4f (loss streak %d/%d, win streak %d/%d) × base fraction %.2f%% = %.2f%% of equity %.2f"
                            + " = %.2f at %.2f → %.6f",
                    ID, whose, m, streak.losses(), settings.lossStreak(), streak.wins(), settings.winStreak(),
                    settings.baseFraction() * 100, fraction * 100, equity, budget, intent.referencePrice(), target);
            // target < quantity here, so a resize never enlarges; a target that underflows to 0 cannot be a resize
            return target > 0 ? RiskDecision.resize(target, reason) : RiskDecision.reject(reason);
        }
    }
}
