package dev.quorum.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Fill;
import dev.quorum.api.Order;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Position;
import dev.quorum.api.Side;
import dev.quorum.api.Signal;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.ensemble.Decision;
import dev.quorum.core.ensemble.Ensemble;
import dev.quorum.core.ensemble.Vote;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.OpenPosition;
import dev.quorum.core.portfolio.PendingEntry;
import dev.quorum.core.portfolio.Portfolio;
import dev.quorum.core.risk.RiskChain;
import dev.quorum.core.risk.RiskOutcome;

/**
 * The engine: replays bars in time order on the engine clock and runs each through
 * bots → ensemble → risk chain → broker → position management. For each bar of a symbol:
 * <ol>
 *   <li>a pending order on the symbol fills at this bar's open;</li>
 *   <li>an open position's stop-loss and take-profit are checked against this bar's low and high:
 *       the exit fills at the level, or at the open if the bar opened beyond it; when both levels
 *       lie inside the bar, the stop-loss wins (the path inside a bar is unknown, so assume the worse);</li>
 *   <li>the bar closes: every active bot votes, the ensemble decides; an opposite consensus closes the
 *       position at the next bar's open; a consensus while flat becomes an order intent at the largest
 *       quantity free equity allows, which the risk chain may shrink or block, and which fills at the
 *       next bar's open.</li>
 * </ol>
 * An entry reserves its notional plus fee from free equity until it fills, so symbols deciding on
 * the same minute cannot spend the same equity; if the fill's open gapped so far that the order
 * would cost more than the equity left for it, it shrinks to what that equity buys (noted on the
 * trade). A suspended bot keeps its place in the vote as FLAT.
 * When the data ends, open positions close at their symbol's last close (END_OF_DATA). Gaps in the
 * data are not filled: a missing bar is simply not processed, and a pending order waits for the
 * symbol's next bar. Weights are 1 for every bot until learners exist.
 */
public final class Backtest {

    private static final long PROGRESS_EVERY = 10_000;
    private static final Signal SUSPENDED = Signal.flat("suspended");

    private final EngineConfig config;
    private final List<Bot> bots;
    private final Ensemble ensemble;
    private final RiskChain risk;
    private final PaperBroker broker;
    private final Portfolio portfolio;
    private final RunSink sink;
    private final Map<String, SymbolFeed> feeds;
    private final Map<String, Bar> lastBar = new HashMap<>();
    private long nextOrderId = 1;
    private long bars;
    private long trades;
    private long blocked;
    private Instant firstBar;

    Backtest(EngineConfig config, List<Bot> bots, RiskChain risk, Map<String, SymbolFeed> feeds, PaperBroker broker, RunSink sink) {
        this.config = config;
        this.feeds = Map.copyOf(feeds);
        this.bots = List.copyOf(bots);
        this.ensemble = new Ensemble(config.consensusThreshold());
        this.risk = risk;
        this.broker = broker;
        this.portfolio = new Portfolio(config.initialCash());
        this.sink = sink;
    }

    /**
     * Runs the whole stream.
     *
     * @param stream   bars in time order
     * @param progress told every 10,000 bars
     * @return what happened
     */
    public EngineResult run(BarStream stream, ProgressListener progress) {
        Bar bar = null;
        while (stream.hasNext()) {
            bar = stream.next();
            if (firstBar == null) {
                firstBar = bar.openTime();
            }
            onBar(bar);
            if (++bars % PROGRESS_EVERY == 0) {
                progress.progress(bars, bar.closeTime());
            }
        }
        Instant end = bar == null ? null : bar.closeTime();
        closeAllAtEnd();
        return new EngineResult(bars, firstBar, end, trades, blocked, portfolio.equity(),
                bots.stream().map(Bot::report).toList());
    }

    private void onBar(Bar bar) {
        String symbol = bar.symbol();
        lastBar.put(symbol, bar);
        fitPendingEntryToEquity(bar);
        for (Fill fill : broker.onBar(bar)) {
            applyFill(fill);
        }
        checkExits(bar);
        portfolio.mark(symbol, bar.close());

        SymbolFeed view = feeds.get(symbol);
        if (view == null) {
            throw new IllegalStateException("a bar of " + symbol + " arrived, but the run trades only " + feeds.keySet());
        }
        Optional<OpenPosition> open = portfolio.position(symbol);
        view.advance(bar, open.map(OpenPosition::position).orElse(null));

        // a suspended bot keeps its place in the vote as FLAT: broken bots must not leave the few
        // remaining ones to reach consensus on their own
        List<Vote> votes = new ArrayList<>(bots.size());
        for (Bot bot : bots) {
            Signal signal = bot.isSuspended() ? SUSPENDED : bot.vote(view);
            votes.add(new Vote(bot.name(), 1.0, signal));
        }
        Decision decision = ensemble.decide(votes);
        if (!decision.isActionable() || broker.hasPending(symbol)) {
            return;
        }
        if (open.isPresent()) {
            Position p = open.get().position();
            if (decision.direction() == p.direction().opposite()) {
                broker.submit(new Order(nextOrderId++, symbol, Side.opening(p.direction()).opposite(), p.quantity(), view.now()));
            }
            return;
        }
        if (decision.direction() == Direction.SHORT && !config.allowShort()) {
            return;
        }
        enter(bar, view.now(), decision);
    }

    private void enter(Bar bar, Instant now, Decision decision) {
        double price = bar.close();
        double quantity = portfolio.freeEquity() / (price * (1 + broker.feeRate()));
        if (!(quantity > 0)) {
            return;
        }
        boolean isLong = decision.direction() == Direction.LONG;
        OptionalDouble stop = decision.stopLoss();
        if (stop.isEmpty() && config.stopLoss() > 0) {
            stop = OptionalDouble.of(isLong ? price * (1 - config.stopLoss()) : price * (1 + config.stopLoss()));
        }
        OptionalDouble target = decision.takeProfit();
        if (target.isEmpty() && config.takeProfit() > 0) {
            target = OptionalDouble.of(isLong ? price * (1 + config.takeProfit()) : price * (1 - config.takeProfit()));
        }
        OrderIntent intent = new OrderIntent(bar.symbol(), decision.direction(), quantity, price, now,
                Math.min(1, decision.consensus()), decision.voters(), stop, target);
        RiskOutcome outcome = risk.apply(intent, portfolio.snapshot(now));
        if (outcome.approved().isEmpty()) {
            blocked++;
            return;
        }
        OrderIntent approved = outcome.approved().get();
        long id = nextOrderId++;
        portfolio.addPending(new PendingEntry(id, approved, outcome.notes(),
                approved.notional() * (1 + broker.feeRate())));
        broker.submit(new Order(id, approved.symbol(), approved.side(), approved.quantity(), now));
    }

    /**
     * The entry was sized at the decision bar's close but fills at this bar's open: if the price
     * gapped so that the order would cost more than the equity left for it, the order shrinks to
     * what that equity buys at the open (noted on the trade), or is cancelled if nothing is left.
     */
    private void fitPendingEntryToEquity(Bar bar) {
        Optional<PendingEntry> pending = portfolio.pendingOn(bar.symbol());
        if (pending.isEmpty()) {
            return;
        }
        PendingEntry entry = pending.get();
        double available = portfolio.freeEquity() + entry.reserved();
        double affordable = available / (bar.open() * (1 + broker.feeRate()));
        double quantity = entry.intent().quantity();
        if (quantity <= affordable) {
            return;
        }
        if (!(affordable > 0)) {
            broker.cancel(bar.symbol());
            portfolio.takePending(entry.orderId());
            blocked++;
            return;
        }
        broker.amend(bar.symbol(), affordable);
        portfolio.replacePending(new PendingEntry(entry.orderId(), entry.intent().withQuantity(affordable),
                entry.notes() + (entry.notes().isEmpty() ? "" : "; ") + "clipped at the fill from " + quantity + " to "
                        + affordable + ": the open " + bar.open() + " left too little equity", available));
    }

    private void applyFill(Fill fill) {
        Optional<PendingEntry> entry = portfolio.takePending(fill.orderId());
        if (entry.isPresent()) {
            sink.onEntry(fill);
            OrderIntent intent = entry.get().intent();
            portfolio.open(fill, intent.stopLoss(), intent.takeProfit(), intent.voters(), entry.get().notes());
        } else {
            closed(fill, portfolio.close(fill, ExitReason.SIGNAL));
        }
    }

    private void checkExits(Bar bar) {
        Optional<OpenPosition> open = portfolio.position(bar.symbol());
        if (open.isEmpty()) {
            return;
        }
        Position p = open.get().position();
        boolean isLong = p.direction() == Direction.LONG;
        OptionalDouble sl = p.stopLoss();
        OptionalDouble tp = p.takeProfit();
        boolean stopHit = sl.isPresent() && (isLong ? bar.low() <= sl.getAsDouble() : bar.high() >= sl.getAsDouble());
        boolean targetHit = tp.isPresent() && (isLong ? bar.high() >= tp.getAsDouble() : bar.low() <= tp.getAsDouble());
        // an exit at the open happened at the open; one at a level inside the bar is stamped with the bar's
        // close, the first moment the engine knows of it
        if (stopHit) {
            double level = sl.getAsDouble();
            double price = isLong ? Math.min(bar.open(), level) : Math.max(bar.open(), level);
            exit(p, price, price == bar.open() ? bar.openTime() : bar.closeTime(), ExitReason.STOP_LOSS);
        } else if (targetHit) {
            double level = tp.getAsDouble();
            double price = isLong ? Math.max(bar.open(), level) : Math.min(bar.open(), level);
            exit(p, price, price == bar.open() ? bar.openTime() : bar.closeTime(), ExitReason.TAKE_PROFIT);
        }
    }

    private void exit(Position p, double price, Instant time, ExitReason reason) {
        Side side = Side.opening(p.direction()).opposite();
        Fill fill = broker.executeAt(nextOrderId++, p.symbol(), side, p.quantity(), price, time);
        closed(fill, portfolio.close(fill, reason));
    }

    private void closed(Fill exitFill, ClosedTrade trade) {
        trades++;
        sink.onExit(exitFill, trade);
        risk.onTradeClosed(trade.trade());
    }

    private void closeAllAtEnd() {
        broker.cancelAll();
        portfolio.clearPending();
        for (OpenPosition open : portfolio.positions()) {
            Bar last = lastBar.get(open.position().symbol());
            exit(open.position(), last.close(), last.closeTime(), ExitReason.END_OF_DATA);
        }
    }
}
