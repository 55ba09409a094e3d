package dev.quorum.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Direction;
import dev.quorum.api.HedgeContext;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Position;
import dev.quorum.api.PositionUpdate;
import dev.quorum.api.Signal;
import dev.quorum.api.StrategyInstance;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.ensemble.Decision;
import dev.quorum.core.ensemble.Ensemble;
import dev.quorum.core.ensemble.Vote;
import dev.quorum.core.learning.HealthMonitor;
import dev.quorum.core.learning.LearnerDesk;
import dev.quorum.core.learning.OutcomeTracker;
import dev.quorum.core.portfolio.OpenPosition;
import dev.quorum.core.portfolio.Portfolio;
import dev.quorum.core.position.PositionDesk;
import dev.quorum.core.risk.RiskChain;
import dev.quorum.core.risk.RiskOutcome;

/**
 * The engine: replays bars in time order on the engine clock and runs each through
 * bots → ensemble → risk chain → broker → position management. For each bar of a symbol:
 * <ol>
 *   <li>the broker executes what works on the symbol ({@link OrderDesk}, {@link PaperBroker}): market
 *       orders (entries, signal exits) at this bar's open, then the open position's stop-loss (a stop
 *       order) and take-profit (a limit order) where the bar reaches them, at the level or at the open if
 *       the bar opened beyond it; when both lie inside the bar, the stop-loss wins (the path inside a bar
 *       is unknown, so assume the worse);</li>
 *   <li>the bar closes: every active bot votes, the ensemble decides; an opposite consensus closes the
 *       position from the next bar's open; a consensus while flat becomes an order intent at the largest
 *       quantity free equity allows, which the risk chain may shrink or block, and which fills from the
 *       next bar's open.</li>
 * </ol>
 * An entry reserves its expected cost (notional at the decision close plus expected slippage, plus fee)
 * from free equity until it has filled, so symbols deciding on the same minute cannot spend the same
 * equity; if the fill price gapped so far that the order would cost more than the equity left for it,
 * it shrinks to what that equity buys (noted on the trade). With a participation cap an order may fill
 * over several bars; no new decision is made on a symbol while an entry or exit works on it. A bot suspended for
 * its errors keeps its place in the vote as FLAT; one its health disables leaves the vote while at least
 * {@code learning.health.minVoters} bots remain in it (else it counts as FLAT). The equity curve is sampled at
 * {@code engine.equityResolution}
 * ({@link EquityRecorder}). When the data ends, unfilled orders are cancelled and open positions close,
 * in full, at their symbol's last close (END_OF_DATA). Gaps in the data are not filled: a missing bar is
 * simply not processed, and a working order waits for the symbol's next bar. Weights are 1 for every bot
 * without learners; with them ({@link LearnerDesk}) each symbol's vote counts with the weights its learners set, and
 * with the confidences the reviewing learners leave. With a position manager ({@link PositionDesk}), an open position's levels may move (or
 * the position close) on each of its symbol's bars after the fills, and an entry may go out in legs; a manager
 * that hedges is asked after every bar (of any symbol, after the vote) with the portfolio's peak equity, and its
 * orders on that bar's symbol go out.
 * A symbol whose data ends before the run's closes its position, and its hedge, at its own last bar. With
 * learning on ({@link OutcomeTracker}), the bots' predictions due on a symbol are judged when its bar closes,
 * before the vote (so that the bots' health, {@link HealthMonitor}, holds for that vote), and their new calls
 * are recorded after it.
 */
public final class Backtest {

    private static final long PROGRESS_EVERY = 10_000;
    private static final Signal SUSPENDED = Signal.flat("suspended");
    private static final Signal DISABLED = Signal.flat("disabled by its health");
    private static final Signal BELOW_PROBATION = Signal.flat("on probation: confidence below the guardrail");

    private final EngineConfig config;
    private final List<Bot> bots;
    // the vote of one bar, in arrays reused bar after bar: this is the engine's innermost loop
    private final Bot[] botArray;
    private final String[] botNames;
    private final List<String> botList;
    private final double[] equalWeights;
    private final double[] healthWeights;
    private final Signal[] signals;
    // what the ensemble counts: the signals, or (when a learner reviews them) a second array of recalibrated ones
    private final Signal[] votes;
    private final LearnerDesk learners;
    private final Ensemble ensemble;
    private final RiskChain risk;
    private final OutcomeTracker outcomes;
    private final boolean tracking;
    private final HealthMonitor health;
    private final PositionDesk positions;
    private final Map<String, Instant> dataEnds;
    private final Portfolio portfolio;
    private final boolean riskWatchesBars;
    private final OrderDesk desk;
    private final EquityRecorder equity;
    private final SignalTally tally;
    private final RunSink sink;
    // whether the sink wants every bar (a live view), and the reusable view of the bar it is handed
    private final boolean sinkWatchesBars;
    private final Closed closed = new Closed();
    // the engine time (epoch seconds) at which the sink next wants to hear the clock
    private long wakeUpSecond;
    // the close time of the bar that reached the wake-up time: the sink is woken after the first bar closing
    // later, once the other symbols' bars closing at the same time are processed too (at the end of the data,
    // the end-of-run work takes over)
    private long pendingWakeSecond = Long.MIN_VALUE;
    private final Map<String, SymbolFeed> feeds;
    // per symbol, looked up once per bar: its feed and each bot's instance on it
    private final Map<String, Slot> slots = new HashMap<>();
    private long bars;
    private long blocked;
    // the highest equity at any bar's close so far, for the position manager's hedging
    private double peakEquity;
    private Instant firstBar;

    Backtest(EngineConfig config, List<Bot> bots, RiskChain risk, Map<String, SymbolFeed> feeds, PaperBroker broker, RunSink sink) {
        this(config, bots, risk, PositionDesk.none(), feeds, Map.of(), broker, sink);
    }

    /**
     * @param dataEnds for each symbol whose data ends before the run's, the open time of its last bar: its
     *                 position closes there (END_OF_DATA) rather than when the whole run ends
     */
    Backtest(EngineConfig config, List<Bot> bots, RiskChain risk, PositionDesk positions, Map<String, SymbolFeed> feeds,
             Map<String, Instant> dataEnds, PaperBroker broker, RunSink sink) {
        this(config, bots, risk, positions, feeds, dataEnds, broker, sink, null, null, null, null);
    }

    /**
     * @param dataEnds for each symbol whose data ends before the run's, the open time of its last bar
     * @param outcomes makes the bots' predictions and judges them, or null for none
     * @param health   the bots' health, told of the judged predictions by {@code outcomes}, or null for none
     */
    Backtest(EngineConfig config, List<Bot> bots, RiskChain risk, PositionDesk positions, Map<String, SymbolFeed> feeds,
             Map<String, Instant> dataEnds, PaperBroker broker, RunSink sink, OutcomeTracker outcomes, HealthMonitor health) {
        this(config, bots, risk, positions, feeds, dataEnds, broker, sink, outcomes, health, null, null);
    }

    /**
     * @param dataEnds for each symbol whose data ends before the run's, the open time of its last bar
     * @param outcomes makes the bots' predictions and judges them, or null for none
     * @param health   the bots' health, told of the judged predictions by {@code outcomes}, or null for none
     * @param learners the learners, told of the judged predictions by {@code outcomes}, or null for none
     * @param base     each bot's base weight (learning.weights.groups), or null for 1 each; with learners, their book starts
     *                 from the same
     */
    Backtest(EngineConfig config, List<Bot> bots, RiskChain risk, PositionDesk positions, Map<String, SymbolFeed> feeds,
             Map<String, Instant> dataEnds, PaperBroker broker, RunSink sink, OutcomeTracker outcomes, HealthMonitor health,
             LearnerDesk learners, double[] base) {
        this.config = config;
        this.learners = learners;
        this.outcomes = outcomes == null ? OutcomeTracker.none() : outcomes;
        this.tracking = this.outcomes.enabled();
        this.health = health;
        this.dataEnds = Map.copyOf(dataEnds);
        this.positions = positions;
        this.feeds = Map.copyOf(feeds);
        this.healthWeights = new double[bots.size()];
        this.equalWeights = new double[bots.size()];
        java.util.Arrays.fill(equalWeights, 1.0); // every bot's weight without learners, unless groups are weighted
        if (base != null) {
            System.arraycopy(base, 0, equalWeights, 0, equalWeights.length);
        }
        feeds.forEach((symbol, feed) -> {
            LearnerDesk.Book book = learners == null ? null : learners.book(symbol);
            slots.put(symbol, new Slot(feed, bots.stream().map(b -> b.instance(symbol)).toArray(StrategyInstance[]::new), book,
                    book == null ? equalWeights : book.weights()));
        });
        this.bots = List.copyOf(bots);
        this.botArray = bots.toArray(new Bot[0]);
        this.botNames = bots.stream().map(Bot::name).toArray(String[]::new);
        this.botList = List.of(botNames);
        this.signals = new Signal[botArray.length];
        this.votes = learners != null && learners.reviews() ? new Signal[botArray.length] : signals;
        this.ensemble = new Ensemble(config.consensusThreshold());
        this.risk = risk;
        this.portfolio = new Portfolio(config.initialCash());
        this.peakEquity = config.initialCash();
        this.riskWatchesBars = risk.watchesBars();
        this.desk = learners == null ? new OrderDesk(broker, portfolio, risk, positions, sink)
                : new OrderDesk(broker, portfolio, risk, positions, sink, learners::closed);
        this.tally = new SignalTally(botNames);
        this.equity = new EquityRecorder(config.equityTimeframe(), sink, tally);
        this.sink = sink;
        this.sinkWatchesBars = sink.watchesBars();
        this.wakeUpSecond = sink.nextWakeUp().getEpochSecond();
    }

    /**
     * One symbol of the run: its feed; in bot order, each bot's strategy instance on it; its learners' book (null
     * without learners) and the weights its votes count with.
     */
    private record Slot(SymbolFeed feed, StrategyInstance[] instances, LearnerDesk.Book book, double[] weights) {
    }

    /**
     * Runs the whole stream.
     *
     * @param stream   bars in time order
     * @param progress told every 10,000 bars
     * @return what happened
     */
    public EngineResult run(BarStream stream, ProgressListener progress) {
        return run(stream, progress, RunStop.never());
    }

    /**
     * Runs the stream, or part of it.
     *
     * @param stream   bars in time order
     * @param progress told every 10,000 bars
     * @param stop     when to stop part-way: then open positions stay open, working orders stay working, the learners save
     *                 nothing, and what was produced so far is flushed to the sink
     * @return what happened
     */
    public EngineResult run(BarStream stream, ProgressListener progress, RunStop stop) {
        Bar bar = null;
        long lastClose = Long.MIN_VALUE;
        boolean stoppable = stop != RunStop.never(); // a backtest's bar loop pays nothing for stops it cannot have
        while (stream.hasNext()) {
            Bar next = stream.next();
            long close = next.openTime().getEpochSecond() + next.timeframe().duration().getSeconds();
            if (stoppable && stop.before(close, lastClose)) {
                sink.flush();
                Instant stoppedAt = lastClose == Long.MIN_VALUE ? Instant.ofEpochSecond(close).minusSeconds(1) : Instant.ofEpochSecond(lastClose);
                return new EngineResult(bars, firstBar, bar == null ? null : bar.closeTime(), desk.trades(),
                        blocked + desk.cancelledEntries(), portfolio.equity(), bots.stream().map(Bot::report).toList(), stoppedAt);
            }
            bar = next;
            lastClose = close;
            if (firstBar == null) {
                firstBar = bar.openTime();
            }
            onBar(bar);
            if (!dataEnds.isEmpty()) {
                Instant end = dataEnds.get(bar.symbol());
                if (end != null && !bar.openTime().isBefore(end)) {
                    desk.closeAtEnd(bar);
                }
            }
            if (sinkWatchesBars) {
                closed.bar = bar;
                sink.onBarClosed(closed);
            }
            if (pendingWakeSecond != Long.MIN_VALUE && close > pendingWakeSecond) {
                // every bar closing by then has been processed, and this later bar has handed the sink the
                // equity point of the bucket that ended then
                wakeUp(Instant.ofEpochSecond(pendingWakeSecond));
                pendingWakeSecond = Long.MIN_VALUE;
            }
            if (close >= wakeUpSecond && pendingWakeSecond == Long.MIN_VALUE) {
                pendingWakeSecond = close;
            }
            if (++bars % PROGRESS_EVERY == 0) {
                progress.progress(bars, bar.closeTime());
            }
        }
        if (stoppable && stop.wasCut()) {
            // a live source stopped waiting for its next bar because of the stop: stopped, not finished
            sink.flush();
            return new EngineResult(bars, firstBar, bar.closeTime(), desk.trades(), blocked + desk.cancelledEntries(), portfolio.equity(),
                    bots.stream().map(Bot::report).toList(), Instant.ofEpochSecond(lastClose));
        }
        Instant end = bar == null ? null : bar.closeTime();
        Map<String, Bar> lastBar = new HashMap<>();
        feeds.forEach((symbol, feed) -> feed.lastBar().ifPresent(b -> lastBar.put(symbol, b)));
        desk.closeAllAtEnd(lastBar);
        equity.finish(portfolio);
        if (learners != null) {
            learners.checkpoint();
            sink.onLearning(learners.weights(), learners.figures());
        }
        sink.flush();
        return new EngineResult(bars, firstBar, end, desk.trades(), blocked + desk.cancelledEntries(), portfolio.equity(),
                bots.stream().map(Bot::report).toList(), null);
    }

    /** The bar just processed, as {@link RunSink#onBarClosed} sees it; what it returns is computed when asked. */
    private final class Closed implements BarClose {
        private Bar bar;

        @Override
        public Bar bar() {
            return bar;
        }

        @Override
        public Instant now() {
            return bar.closeTime();
        }

        @Override
        public dev.quorum.api.PortfolioView portfolio() {
            return portfolio.snapshot(bar.closeTime());
        }

        @Override
        public Map<String, Map<String, Double>> weights() {
            return learners == null ? Map.of() : learners.weights();
        }

        @Override
        public Map<String, Double> trust() {
            return learners == null ? Map.of() : learners.trust();
        }

        @Override
        public List<String> bots() {
            return botList;
        }

        @Override
        public Signal signal(int bot) {
            return signals[bot];
        }
    }

    private void wakeUp(Instant now) {
        if (learners != null) {
            sink.onWeights(now, learners.weights());
        }
        sink.onClock(now);
        wakeUpSecond = sink.nextWakeUp().getEpochSecond();
    }

    private void onBar(Bar bar) {
        String symbol = bar.symbol();
        Slot slot = slots.get(symbol);
        if (slot == null) {
            throw new IllegalStateException("a bar of " + symbol + " arrived, but the run trades only " + feeds.keySet());
        }
        equity.beforeBar(bar, portfolio);
        desk.onBar(bar);
        portfolio.mark(symbol, bar.close());

        SymbolFeed view = slot.feed();
        OpenPosition open = portfolio.openOn(symbol);
        view.advance(bar, open == null ? null : open.position());
        if (open != null && positions.enabled()) {
            positions.held(symbol);
            if (!desk.busy(symbol)) {
                manage(open.position(), view);
            }
        }
        if (riskWatchesBars) {
            // an immutable copy, as for every plugin call: a module holds no reference into the engine's state
            risk.onBar(bar, portfolio.snapshot(view.now()));
        }

        decide(bar, slot, view);
        if (positions.hedging()) {
            hedge(symbol, view.now());
        }
    }

    /** The bots vote on the bar; the ensemble's decision closes the position, or becomes an entry. */
    private void decide(Bar bar, Slot slot, SymbolFeed view) {
        String symbol = bar.symbol();
        StrategyInstance[] instances = slot.instances();
        if (tracking) {
            outcomes.judgeDue(bar, view.now());
        }
        if (health != null) {
            health.tick(view.now());
        }
        // a bot suspended for its errors keeps its place in the vote as FLAT: broken bots must not leave the few
        // remaining ones to reach consensus on their own; a bot its health disables leaves the vote (weight 0 below):
        // the ensemble is the bots whose record earns them a place, as long as at least learning.health.minVoters remain
        // (with fewer, the disabled ones count as FLAT again: no bot decides alone)
        for (int i = 0; i < botArray.length; i++) {
            Bot bot = botArray[i];
            Signal signal = bot.isSuspended() ? SUSPENDED : bot.vote(instances[i], view);
            if (health != null) {
                signal = guarded(i, signal);
            }
            signals[i] = signal;
            tally.count(i, signal.direction());
        }
        if (tracking) {
            outcomes.afterVote(bar, view.now(), botNames, signals);
        }
        if (learners != null) {
            learners.beforeVote(slot.book(), view.now(), signals, votes, health == null ? botArray.length : health.voters());
        }
        double[] weights = slot.weights();
        if (health != null && health.disabledLeaveTheVote()) {
            weights = withoutDisabled(weights);
        }
        Decision decision = ensemble.decide(botNames, weights, votes, botArray.length);
        if (!decision.isActionable() || desk.busy(symbol)) {
            return;
        }
        OpenPosition open = portfolio.openOn(symbol);
        if (open != null) {
            Position p = open.position();
            if (decision.direction() == p.direction().opposite()) {
                desk.exitOnSignal(p, view.now());
            }
            return;
        }
        if (decision.direction() == Direction.SHORT && !config.allowShort()) {
            return;
        }
        if (enter(bar, view.now(), decision) && learners != null) {
            learners.entered(symbol, votes);
        }
    }

    /** The symbol's weights with every bot its health disables at 0, in an array reused bar after bar. */
    private double[] withoutDisabled(double[] weights) {
        System.arraycopy(weights, 0, healthWeights, 0, weights.length);
        for (int i = 0; i < healthWeights.length; i++) {
            if (health.disabled(i)) {
                healthWeights[i] = 0;
            }
        }
        return healthWeights;
    }

    /**
     * A bot's vote as its health lets it count: a suspended or retired bot's is FLAT (it still runs, so that its state
     * follows the market); on probation, a call below the guardrail's confidence is FLAT.
     */
    private Signal guarded(int i, Signal signal) {
        if (health.disabled(i)) {
            return DISABLED;
        }
        if (signal.direction() != Direction.FLAT && signal.confidence() < health.minConfidence(i)) {
            return BELOW_PROBATION;
        }
        return signal;
    }

    /** The position manager's turn on an open position: its levels may move, or it may close (from the next open). */
    private void manage(Position position, SymbolFeed view) {
        Instant now = view.now();
        PositionUpdate update = positions.manage(position, view, () -> portfolio.snapshot(now));
        if (update.isKeep()) {
            return;
        }
        if (update.exit().isPresent()) {
            desk.exitManaged(position, update.exit().get(), now);
            return;
        }
        view.updatePosition(desk.relevel(position.symbol(), update.stopLoss(), update.takeProfit()));
    }

    /**
     * The position manager's hedging after the bar, with the portfolio's peak equity so far: asked only while
     * something is held, and only the orders on the bar's symbol are taken (they fill from its next bar's open).
     */
    private void hedge(String symbol, Instant now) {
        double equityNow = portfolio.equity();
        if (equityNow > peakEquity) {
            peakEquity = equityNow;
        }
        if (portfolio.holdsNothing()) {
            return;
        }
        desk.hedge(positions.hedge(new HedgeContext(now, symbol, portfolio.snapshot(now), peakEquity)), now);
    }

    /** @return whether an entry went to the broker */
    private boolean enter(Bar bar, Instant now, Decision decision) {
        double price = bar.close();
        double quantity = portfolio.freeEquity() / desk.unitCost(price);
        if (!(quantity > 0)) {
            return false;
        }
        boolean isLong = decision.direction() == Direction.LONG;
        // the voters' levels, else engine.stopLoss / engine.takeProfit from the close
        OptionalDouble stop = decision.stopLoss();
        if (stop.isEmpty() && config.stopLoss() > 0) {
            stop = OptionalDouble.of(isLong ? price * (1 - config.stopLoss()) : price * (1 + config.stopLoss()));
        }
        OptionalDouble target = decision.takeProfit();
        if (target.isEmpty() && config.takeProfit() > 0) {
            target = OptionalDouble.of(isLong ? price * (1 + config.takeProfit()) : price * (1 - config.takeProfit()));
        }
        // with a position manager, the chain sees the voters' own levels only: the manager sets the position's after
        // the chain has approved it, and the levels above are what the position falls back to if the manager fails
        OrderIntent intent = new OrderIntent(bar.symbol(), decision.direction(), quantity, price, now,
                Math.min(1, decision.consensus()), decision.voters(), positions.enabled() ? decision.stopLoss() : stop,
                positions.enabled() ? decision.takeProfit() : target);
        RiskOutcome outcome = judge(intent, now);
        if (outcome != null) {
            PositionDesk.Opening opening = positions.open(outcome.approved().get(), stop, target, () -> portfolio.snapshot(now));
            String notes = outcome.notes();
            if (health != null) {
                List<String> onProbation = decision.voters().stream().filter(health::onProbation).toList();
                if (!onProbation.isEmpty()) {
                    PositionDesk.Opening guarded = probationGuardrail(opening);
                    notes = (notes.isEmpty() ? "" : notes + "; ") + guardrailNote(onProbation, opening.intent(), guarded.intent());
                    opening = guarded;
                }
            }
            desk.enter(opening.intent(), opening.legs(), notes, now);
            return true;
        }
        return false;
    }

    /**
     * The probation guardrails (seeds 002, 003) on an entry a bot on probation voted for: at most
     * {@code learning.health.probationSize} of equity (2%), its stop-loss at {@code probationStopFactor} (half) of its
     * distance from the price. Only ever smaller and tighter: it is applied after the risk chain and the position manager.
     */
    private PositionDesk.Opening probationGuardrail(PositionDesk.Opening opening) {
        OrderIntent intent = opening.intent();
        double cap = health.rules().probationSize() * portfolio.equity() / intent.referencePrice();
        if (intent.quantity() > cap) {
            opening = new PositionDesk.Opening(intent.withQuantity(cap), opening.legs());
        }
        return positions.tightenStop(opening, health.rules().probationStopFactor());
    }

    private String guardrailNote(List<String> onProbation, OrderIntent before, OrderIntent after) {
        StringBuilder note = new StringBuilder("probation guardrail (").append(String.join(", ", onProbation)).append(" on probation): ");
        note.append(String.format(java.util.Locale.ROOT, "size %s -> %s (at most %s of equity %s)", before.quantity(), after.quantity(),
                health.rules().probationSize(), portfolio.equity()));
        if (before.stopLoss().isPresent()) {
            note.append(String.format(java.util.Locale.ROOT, ", stop %s -> %s (%s of its distance from %s)", before.stopLoss().getAsDouble(),
                    after.stopLoss().getAsDouble(), health.rules().probationStopFactor(), before.referencePrice()));
        }
        return note.toString();
    }

    /** Runs the chain on an intent and records its steps; returns the approving outcome, or null (counted as blocked). */
    private RiskOutcome judge(OrderIntent intent, Instant now) {
        RiskOutcome outcome = risk.apply(intent, () -> portfolio.snapshot(now));
        if (!outcome.steps().isEmpty()) {
            sink.onRiskDecision(intent, outcome);
        }
        if (outcome.approved().isEmpty()) {
            blocked++;
            return null;
        }
        return outcome;
    }
}
