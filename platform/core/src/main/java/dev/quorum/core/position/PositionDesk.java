package dev.quorum.core.position;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Direction;
import dev.quorum.api.EntryLeg;
import dev.quorum.api.EntryPlan;
import dev.quorum.api.ExitReason;
import dev.quorum.api.HedgeContext;
import dev.quorum.api.HedgeOrder;
import dev.quorum.api.ManagedPosition;
import dev.quorum.api.MarketView;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;
import dev.quorum.api.PositionPolicy;
import dev.quorum.api.PositionUpdate;
import dev.quorum.api.Trade;
import dev.quorum.core.plugin.PluginCalls;
import dev.quorum.core.plugin.PluginErrors;

/**
 * The host's side of the configured position manager: it asks the manager where a new position's levels
 * start and what to do on each bar of an open position, and enforces the rules before anything reaches the
 * broker. A stop-loss only ever tightens and stays strictly on the loss side of the bar's close; a
 * take-profit stays strictly on its profit side; initial levels lie on the right sides of the entry's
 * reference price. An answer that breaks a rule, a null, or an exception is counted against the manager's
 * plugin and ignored: the position keeps its levels (a new position the levels it would have had without a
 * manager). After {@code maxErrors} such errors the manager is suspended for the rest of the run and
 * positions keep the levels they have. Without a manager ({@link #none()}) every call is a no-op.
 *
 * <p>A manager whose policy overrides {@link PositionPolicy#hedge} also decides hedges ({@link #hedge}): an
 * opening is accepted only on a symbol with an open position, for a finite quantity above 0 and at most the
 * position's (a hedge can only reduce the exposure, never reverse it); anything else is counted the same way.
 */
public final class PositionDesk {

    private static final Logger log = LoggerFactory.getLogger(PositionDesk.class);

    /**
     * How a new position opens: the intent with the levels it carries, and its entry legs.
     *
     * @param intent the intent to send, with its stop-loss and take-profit
     * @param legs   the entry legs, or empty for one market order of the whole quantity
     */
    public record Opening(OrderIntent intent, List<EntryLeg> legs) {

        /** Copies. */
        public Opening {
            legs = List.copyOf(legs);
        }
    }

    /** One open (or opening) position's management state. */
    private static final class Managed {
        final OptionalDouble initialStop;
        final OptionalDouble initialTarget;
        final double consensus;
        final String levelsNote;
        final int legsPlanned;
        final java.util.Set<Long> legsFilled = new java.util.HashSet<>();
        long barsHeld;
        int stopMoves;
        String stopNote = "";
        String targetNote = "";
        String exitNote = "";
        ExitReason exitReason;

        Managed(OptionalDouble initialStop, OptionalDouble initialTarget, double consensus, String levelsNote, int legsPlanned) {
            this.initialStop = initialStop;
            this.initialTarget = initialTarget;
            this.consensus = consensus;
            this.levelsNote = levelsNote;
            this.legsPlanned = legsPlanned;
        }
    }

    private final String name;
    private final String pluginId;
    private final PositionPolicy policy;
    private final PluginErrors errors;
    private final int maxErrors;
    private final Map<String, Managed> managed = new HashMap<>();
    private final boolean hedging;
    private final java.util.SortedSet<String> symbols;
    private int errorCount;
    private boolean suspended;

    private PositionDesk(String name, String pluginId, PositionPolicy policy, PluginErrors errors, int maxErrors, boolean hedgingAllowed,
                         List<String> symbols) {
        this.symbols = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(symbols));
        this.name = name;
        this.pluginId = pluginId;
        this.policy = policy;
        this.errors = errors;
        this.maxErrors = maxErrors;
        this.hedging = hedgingAllowed && policy != null && overridesHedge(policy);
    }

    private static boolean overridesHedge(PositionPolicy policy) {
        try {
            return policy.getClass().getMethod("hedge", HedgeContext.class).getDeclaringClass() != PositionPolicy.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("PositionPolicy.hedge is part of quorum-api", e);
        }
    }

    /**
     * @param name      the manager's name in config
     * @param pluginId  its plugin
     * @param policy    its state for this run
     * @param errors    where its errors are counted
     * @param maxErrors errors after which it is suspended
     * @param hedging   whether the manager may hedge ({@code positions.hedging}); it is asked only if its policy
     *                  overrides {@code hedge}
     * @param symbols   the run's symbols: a hedge order on any other is refused
     * @return the desk
     */
    public static PositionDesk of(String name, String pluginId, PositionPolicy policy, PluginErrors errors, int maxErrors,
                                  boolean hedging, List<String> symbols) {
        return new PositionDesk(name, pluginId, policy, errors, maxErrors, hedging, symbols);
    }

    /** @return a desk without a manager: positions keep the levels they were opened with */
    public static PositionDesk none() {
        return new PositionDesk("none", "", null, null, 0, false, List.of());
    }

    /** @return whether a manager is configured (suspended or not) */
    public boolean enabled() {
        return policy != null;
    }

    /** @return the manager's name in config, {@code none} without one */
    public String name() {
        return name;
    }

    /**
     * The levels a new position starts with: the manager's, where valid, else the fallback levels.
     *
     * @param approved       the intent as the risk chain approved it, carrying the voters' levels if any
     * @param fallbackStop   the stop-loss the position would have without a manager
     * @param fallbackTarget the take-profit the position would have without a manager
     * @param portfolio      makes the portfolio view, called only when the manager is asked
     * @return the intent with the levels to open with, and its entry legs
     */
    public Opening open(OrderIntent approved, OptionalDouble fallbackStop, OptionalDouble fallbackTarget,
                        Supplier<? extends PortfolioView> portfolio) {
        if (policy == null) {
            return new Opening(approved, List.of());
        }
        List<EntryLeg> legs = List.of();
        OrderIntent sent = approved.withLevels(fallbackStop, fallbackTarget);
        String note = "";
        if (!suspended) {
            try {
                EntryPlan levels = policy.open(approved, portfolio.get());
                if (levels == null) {
                    throw new IllegalStateException("open() returned null instead of EntryPlan");
                }
                String problem = PositionRules.wrongSides(approved, levels);
                if (problem == null) {
                    problem = PositionRules.misplacedLeg(approved, levels.stopLoss().isPresent() ? levels : levels.withStop(fallbackStop));
                }
                if (problem != null) {
                    fault(approved.symbol(), approved.createdAt(), "open(): " + problem + "; the position opens with "
                            + PositionRules.describe(fallbackStop, fallbackTarget));
                } else {
                    // a position never opens without a stop-loss when it would have one without the manager
                    boolean keepStop = levels.stopLoss().isEmpty() && fallbackStop.isPresent();
                    sent = approved.withLevels(keepStop ? fallbackStop : levels.stopLoss(), levels.takeProfit());
                    note = levels.note() + (keepStop ? "; no stop-loss from the manager: the engine's" : "");
                    legs = levels.legs();
                }
            } catch (Throwable e) {
                PluginCalls.rethrowIfFatal(e);
                fault(approved.symbol(), approved.createdAt(), "open(): " + PluginCalls.describe(e) + "; the position opens with "
                        + PositionRules.describe(fallbackStop, fallbackTarget));
            }
        }
        managed.put(sent.symbol(), new Managed(sent.stopLoss(), sent.takeProfit(), sent.consensus(), note, Math.max(1, legs.size())));
        return new Opening(sent, legs);
    }

    /**
     * Moves the stop-loss of an opening closer to the entry: at {@code factor} of its distance from the intent's price
     * (the probation guardrail), and records it as the position's initial stop.
     *
     * @param opening an opening from {@link #open}
     * @param factor  in (0, 1]
     * @return the opening with the tighter stop (the same when it has none)
     */
    public Opening tightenStop(Opening opening, double factor) {
        OrderIntent sent = opening.intent();
        if (sent.stopLoss().isEmpty()) {
            return opening;
        }
        double price = sent.referencePrice();
        double stop = price - factor * (price - sent.stopLoss().getAsDouble());
        OrderIntent tighter = sent.withLevels(OptionalDouble.of(stop), sent.takeProfit());
        Managed m = managed.get(sent.symbol());
        if (m != null) {
            managed.put(sent.symbol(), new Managed(tighter.stopLoss(), m.initialTarget, m.consensus, m.levelsNote, m.legsPlanned));
        }
        return new Opening(tighter, opening.legs());
    }

    /**
     * An entry order of a position filled (in whole or in part).
     *
     * @param symbol  the instrument
     * @param orderId the entry order (one per leg)
     */
    public void entryFilled(String symbol, long orderId) {
        Managed m = managed.get(symbol);
        if (m != null) {
            m.legsFilled.add(orderId);
        }
    }

    /**
     * Asks the manager about an open position on a bar of its symbol, and checks the answer.
     *
     * @param position  the position after the bar's fills
     * @param market    the symbol's view, moved to the bar
     * @param portfolio makes the portfolio view, called only when the manager is asked
     * @return what to do: a valid update, or {@link PositionUpdate#keep()}
     */
    public PositionUpdate manage(Position position, MarketView market, Supplier<? extends PortfolioView> portfolio) {
        Managed m = managed.get(position.symbol());
        if (policy == null || m == null) {
            return PositionUpdate.keep();
        }
        if (suspended) {
            return PositionUpdate.keep();
        }
        PositionUpdate update;
        try {
            update = policy.manage(new ManagedPosition(position, m.barsHeld, m.initialStop, m.initialTarget, m.consensus), market,
                    portfolio.get());
            if (update == null) {
                throw new IllegalStateException("manage() returned null instead of a PositionUpdate");
            }
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            fault(position.symbol(), market.now(), "manage(): " + PluginCalls.describe(e));
            return PositionUpdate.keep();
        }
        if (update.isKeep()) {
            return update;
        }
        if (update.exit().isPresent()) {
            m.exitNote = update.note();
            m.exitReason = update.exit().get();
            return update;
        }
        String problem = PositionRules.refused(position, market.bar().close(), update);
        if (problem != null) {
            fault(position.symbol(), market.now(), "manage(): " + problem + "; the position keeps "
                    + PositionRules.describe(position.stopLoss(), position.takeProfit()));
            return PositionUpdate.keep();
        }
        OptionalDouble stop = PositionRules.same(update.stopLoss(), position.stopLoss()) ? OptionalDouble.empty() : update.stopLoss();
        OptionalDouble target = PositionRules.same(update.takeProfit(), position.takeProfit()) ? OptionalDouble.empty() : update.takeProfit();
        if (stop.isPresent()) {
            m.stopMoves++;
            m.stopNote = String.format(Locale.ROOT, "stop moved %d× to %.8g (%s)", m.stopMoves, stop.getAsDouble(), update.note());
        }
        if (target.isPresent()) {
            m.targetNote = String.format(Locale.ROOT, "target %.8g (%s)", target.getAsDouble(), update.note());
        }
        return stop.isEmpty() && target.isEmpty() ? PositionUpdate.keep() : PositionUpdate.move(stop, target, update.note());
    }

    /**
     * Counts a bar of a symbol holding a position (whether or not the manager is asked about it on this bar).
     *
     * @param symbol the instrument
     */
    public void held(String symbol) {
        Managed m = managed.get(symbol);
        if (m != null) {
            m.barsHeld++;
        }
    }

    /**
     * @param symbol the instrument
     * @return whether the manager moved the stop-loss of the position open on it (its stop-loss exit is a trailing stop)
     */
    public boolean stopMoved(String symbol) {
        Managed m = managed.get(symbol);
        return m != null && m.stopMoves > 0;
    }

    /**
     * What the manager did to a position, for the trade record: how its levels were chosen, the last stop and
     * target moves, and why it exited.
     *
     * @param symbol the instrument
     * @param reason why the trade closed: the manager's exit note is kept only when its exit closed it
     * @return the notes, {@code ""} without a manager
     */
    public String exitNotes(String symbol, ExitReason reason) {
        Managed m = managed.get(symbol);
        if (m == null) {
            return "";
        }
        StringBuilder notes = new StringBuilder();
        String legs = m.legsPlanned > 1 ? "entry legs filled: " + m.legsFilled.size() + " of " + m.legsPlanned : "";
        for (String part : new String[] {m.levelsNote.isEmpty() ? "" : "levels: " + m.levelsNote, legs, m.stopNote, m.targetNote,
                m.exitNote.isEmpty() || reason != m.exitReason ? "" : "exit: " + m.exitNote}) {
            if (!part.isEmpty()) {
                notes.append(notes.isEmpty() ? "" : "; ").append(part);
            }
        }
        return notes.toString();
    }

    /**
     * A position closed: its state goes, and the manager is told.
     *
     * @param trade the closed trade
     */
    public void closed(Trade trade) {
        managed.remove(trade.symbol());
        tell(trade);
    }

    /** Tells the manager of a closed trade; a failure is counted against it. */
    private void tell(Trade trade) {
        if (policy == null) {
            return;
        }
        try {
            policy.onTradeClosed(trade);
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            fault(trade.symbol(), trade.exitTime(), "onTradeClosed(" + (trade.hedge() ? "hedge trade " : "trade ") + trade.id() + "): "
                    + PluginCalls.describe(e));
        }
    }

    /** @return whether the manager decides hedges (its policy overrides {@code hedge}) and is not suspended */
    public boolean hedging() {
        return hedging && !suspended;
    }

    /**
     * Asks the manager which hedges to open or close after a bar, and checks each order on the bar's symbol.
     *
     * @param context the portfolio after the bar, with its hedges, and its peak equity
     * @return the orders on the bar's symbol that may be sent, in the manager's order; a refused one is counted
     *         and left out, one on another symbol is left out (it is taken after that symbol's bar)
     */
    public List<HedgeOrder> hedge(HedgeContext context) {
        if (!hedging()) {
            return List.of();
        }
        List<HedgeOrder> orders;
        try {
            orders = policy.hedge(context);
            if (orders == null) {
                throw new IllegalStateException("hedge() returned null instead of a list");
            }
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            fault("the portfolio", context.now(), "hedge(): " + PluginCalls.describe(e));
            return List.of();
        }
        if (orders.isEmpty()) {
            return orders;
        }
        List<HedgeOrder> accepted = new ArrayList<>(orders.size());
        for (HedgeOrder order : orders) {
            if (order != null && !order.symbol().equals(context.symbol()) && symbols.contains(order.symbol())) {
                continue; // taken on its own symbol's bar
            }
            String problem = order == null ? "a null order"
                    : !symbols.contains(order.symbol()) ? "a hedge on " + order.symbol() + ", which this run does not trade " + symbols
                    : PositionRules.refusedHedge(order, context.portfolio());
            if (problem == null) {
                accepted.add(order);
            } else {
                fault(order == null ? "the portfolio" : order.symbol(), context.now(), "hedge(): " + problem + "; not sent");
            }
        }
        return accepted;
    }

    /**
     * A hedge closed: the manager is told (its position's state is not touched).
     *
     * @param trade the hedge's trade
     */
    public void hedgeClosed(Trade trade) {
        tell(trade);
    }

    /**
     * An entry that never filled: its state goes.
     *
     * @param symbol the instrument
     */
    public void cancelled(String symbol) {
        managed.remove(symbol);
    }

    private void fault(String symbol, Instant at, String error) {
        errors.record(pluginId, "position manager '" + name + "' on " + symbol + " at " + at, error);
        if (++errorCount >= maxErrors && !suspended) {
            suspended = true;
            log.warn("[positions {}] SUSPENDED for the rest of the run after {} errors; open positions keep their levels; last: {}",
                    name, errorCount, error);
        }
    }
}
