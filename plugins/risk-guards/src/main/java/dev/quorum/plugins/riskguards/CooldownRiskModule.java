package dev.quorum.plugins.riskguards;

import dev.quorum.api.Bar;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.ExitReason;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskContext;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskModule;
import dev.quorum.api.Trade;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Blocks re-entry on a symbol for a number of its bars after a stop-loss (or, as configured, any losing
 * trade or any exit) on that symbol. Other symbols are unaffected.
 *
 * <p><b>Which exits.</b> {@code after = stop-loss}: trades closed by a stop, {@link ExitReason#STOP_LOSS} or (a stop the
 * position manager had moved) {@link ExitReason#TRAILING_STOP};
 * {@code loss}: every trade that did not make money after fees ({@code !isWin()}, so {@code pnl ≤ 0});
 * {@code any}: every closed trade, whatever its reason.
 *
 * <p><b>Counting.</b> The module counts each symbol's bars in {@link RiskCheck#onBar}. The host
 * reports a closed trade ({@link RiskCheck#onTradeClosed}) while processing the bar on which its exit
 * filled, bar {@code k} of that symbol, before {@code onBar} for that bar. Entries on the symbol decided
 * on its bars {@code k … k + bars} are rejected; the first entry allowed is decided on bar
 * {@code k + bars + 1}. A symbol's count starts at 0 before its first bar, so an exit reported before
 * it makes that first bar bar {@code k}. A new qualifying exit during a cooldown extends it if it ends later, never
 * shortens it. Equity {@code ≤ 0} or NaN is rejected. It never resizes.
 *
 * <p>Parameters: {@code bars} (integer, default 30, in [1, 100000]), {@code after} ({@code stop-loss},
 * {@code loss} or {@code any}, default {@code stop-loss}).
 */
@Extension
public class CooldownRiskModule implements RiskModule {

    /** The id in config. */
    public static final String ID = "cooldown";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Cooldown",
            "Blocks re-entry on a symbol for a number of its bars after a stop-loss, a losing trade or any exit there.",
            ParameterSpec.integer("bars", 30, 1, 100_000, "bars of the symbol, after the exit's bar, during which it takes no new entry"),
            ParameterSpec.choice("after", "stop-loss", List.of("stop-loss", "loss", "any"),
                    "which exits start a cooldown: stop-loss exits, losing trades (pnl <= 0), or every exit"));

    /** Called by PF4J. */
    public CooldownRiskModule() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public RiskCheck create(RiskContext context) {
        Parameters parameters = context.parameters();
        String after = parameters.getString("after");
        return new Check(parameters.getInt("bars"), after);
    }

    /** One symbol's bar count and cooldown. */
    private static final class SymbolState {
        long barsSeen;              // bars of the symbol passed to onBar
        long cooldownUntil = -1;    // entries are blocked while barsSeen <= cooldownUntil
        Trade trigger;              // the trade that started the current cooldown
    }

    /** One run's state: every symbol's bar count and cooldown. */
    private static final class Check implements RiskCheck {

        private final int bars;
        private final String after;
        private final Map<String, SymbolState> symbols = new HashMap<>();

        Check(int bars, String after) {
            this.bars = bars;
            this.after = after;
        }

        private boolean starts(Trade trade) {
            return switch (after) {
                case "stop-loss" -> trade.exitReason() == ExitReason.STOP_LOSS || trade.exitReason() == ExitReason.TRAILING_STOP;
                case "loss" -> !trade.isWin();
                default -> true;
            };
        }

        @Override
        public void onTradeClosed(Trade trade) {
            if (!starts(trade)) {
                return;
            }
            SymbolState state = symbols.computeIfAbsent(trade.symbol(), s -> new SymbolState());
            // barsSeen does not count the exit's bar yet: its onBar comes after this call
            long until = state.barsSeen + 1 + bars;
            if (until > state.cooldownUntil) {
                state.cooldownUntil = until;
                state.trigger = trade;
            }
        }

        @Override
        public void onBar(Bar bar, PortfolioView portfolio) {
            symbols.computeIfAbsent(bar.symbol(), s -> new SymbolState()).barsSeen++;
        }

        @Override
        public RiskDecision evaluate(OrderIntent intent, PortfolioView portfolio) {
            double equity = portfolio.equity();
            if (!Guards.usable(equity)) {
                return Guards.rejectEquity(ID, equity);
            }
            SymbolState state = symbols.get(intent.symbol());
            if (state == null || state.barsSeen > state.cooldownUntil) {
                return RiskDecision.approve();
            }
            long left = state.cooldownUntil - state.barsSeen + 1;
            Trade t = state.trigger;
            return RiskDecision.reject(String.format(Locale.ROOT,
                    "%s: %s blocked for %d more bar%s, this one included: trade #%d (%s, %s at %s, pnl %.2f)"
                            + " started a cooldown of %d bars after its exit bar",
                    ID, intent.symbol(), left, left == 1 ? "" : "s", t.id(), t.direction(), t.exitReason(),
                    t.exitTime(), t.pnl(), bars));
        }
    }
}
