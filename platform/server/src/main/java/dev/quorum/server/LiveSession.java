package dev.quorum.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.quorum.api.Fill;
import dev.quorum.api.Position;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Trade;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BarClose;
import dev.quorum.core.engine.RunSink;
import dev.quorum.core.learning.BotHealth;
import dev.quorum.core.learning.PredictionOutcome;
import dev.quorum.core.portfolio.ClosedTrade;

/**
 * What a running paper session looks like now, for the dashboard: the engine clock, equity, open positions, each bot's
 * weight, health and recent accuracy, kept up to date by the run's observer ({@link #observerFor}) on the engine's
 * thread, read by the HTTP threads as immutable snapshots, and pushed to the WebSocket clients ({@link EventHub}) as it
 * changes: fills, trades and health changes at once, equity and positions at most once a second of wall time.
 */
public final class LiveSession {

    /** How many judged predictions per bot the recent accuracy is taken over. */
    static final int ACCURACY_WINDOW = 100;
    private static final long EQUITY_EVERY_NANOS = 1_000_000_000L;
    /** Changed calls are pushed together, at most this often: a bot flipping at full speed must not flood the clients. */
    private static final long SIGNALS_EVERY_NANOS = 250_000_000L;
    /** The learners' trust is read this often (it is computed when asked). */
    private static final long TRUST_EVERY_NANOS = 5_000_000_000L;

    /**
     * An open position as shown.
     *
     * @param symbol     the instrument
     * @param direction  LONG or SHORT
     * @param quantity   units held
     * @param entryPrice average entry price
     * @param mark       the latest close
     * @param unrealized profit or loss at the mark, before exit fees
     * @param since      when it opened
     */
    public record PositionRow(String symbol, String direction, double quantity, double entryPrice, double mark, double unrealized,
                              Instant since) {
    }

    /**
     * The session now.
     *
     * @param runId      the run it is stored as; 0 before it starts
     * @param state      STARTING, RUNNING, FINISHED, STOPPED or FAILED
     * @param clock      the engine clock: the close of the last bar processed; null before the first
     * @param bars       bars processed
     * @param equity     cash plus positions at their marks
     * @param cash       cash
     * @param trades     trades closed
     * @param positions  open positions
     * @param error      why it failed, or null
     */
    public record Status(long runId, String state, Instant clock, long bars, double equity, double cash, long trades,
                         List<PositionRow> positions, String error) {
    }

    /**
     * One bot as the dashboard shows it.
     *
     * @param bot       its name
     * @param weight    its weight in the vote now (mean over the symbols; 1 without learners)
     * @param trust     its trust as a learner reports it (the figure named {@code trust}, meta-trust's), null if none does
     * @param health    ACTIVE, DEGRADED, SUSPENDED, PROBATION or RETIRED
     * @param since     when it entered that state (null: since the start)
     * @param reason    why, as the health rules said
     * @param judged    of its last predictions judged (at most {@value #ACCURACY_WINDOW}), how many
     * @param right     how many of those were right
     * @param calls     its latest call on each symbol it has called (LONG or SHORT, or FLAT after one), by symbol
     */
    public record BotRow(String bot, double weight, Double trust, String health, Instant since, String reason, int judged, int right,
                         Map<String, Call> calls) {
    }

    /**
     * A bot's call on a symbol, from the bar where it changed.
     *
     * @param direction  LONG, SHORT or FLAT
     * @param confidence its confidence, 0..1
     * @param time       the engine clock when it changed to this
     * @param reason     its first reason, or empty
     */
    public record Call(String direction, double confidence, Instant time, String reason) {
    }

    private final QuorumConfig config;
    private final List<String> botNames;
    private final double speed;
    private final Clock wallClock;
    private final EventHub events;
    private volatile Status status;
    private final Map<String, Double> weights = new ConcurrentHashMap<>();
    private final Map<String, Double> trust = new ConcurrentHashMap<>();
    private final Map<String, BotHealth.Transition> health = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<Boolean>> accuracy = new ConcurrentHashMap<>();
    // bot -> symbol -> its call since it last changed
    private final Map<String, Map<String, Call>> callsByBot = new ConcurrentHashMap<>();
    private final Instant startedAt;
    // the equity curve as the run records it (engine.equityResolution), kept here too: the journal writes it in batches
    private final List<Map<String, Object>> curve = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param config    the session's configuration
     * @param botNames  its bots, in config order
     * @param speed     bars per second of the replay (0: as fast as the engine goes)
     * @param wallClock the wall clock (when the session started; the once-a-second pace of equity updates uses
     *                  {@link System#nanoTime()})
     * @param events    where changes are pushed
     */
    public LiveSession(QuorumConfig config, List<String> botNames, double speed, Clock wallClock, EventHub events) {
        this.config = config;
        this.botNames = List.copyOf(botNames);
        this.speed = speed;
        this.wallClock = wallClock;
        this.events = events;
        this.startedAt = wallClock.instant();
        this.status = new Status(0, "STARTING", null, 0, config.engine().initialCash(), config.engine().initialCash(), 0, List.of(), null);
        botNames.forEach(b -> weights.put(b, 1.0));
    }

    /** @return the session now */
    public Status status() {
        return status;
    }

    /** @return the session's configuration */
    public QuorumConfig config() {
        return config;
    }

    /** @return what the session is: its configuration in short, its pace, when it started */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("symbols", config.data().symbols());
        d.put("timeframe", config.data().timeframe());
        d.put("from", config.data().from());
        d.put("to", config.data().to());
        d.put("barsPerSecond", speed);
        d.put("source", config.data().fromPlugin() ? config.data().source().use() : dev.quorum.core.config.DataConfig.STORED);
        d.put("initialCash", config.engine().initialCash());
        d.put("startedAt", startedAt);
        d.put("bots", botNames);
        return d;
    }

    /**
     * @return the equity curve so far: the run's points (every {@code engine.equityResolution}) and the latest equity at
     *         the engine clock, in time order
     */
    public List<Map<String, Object>> equityCurve() {
        List<Map<String, Object>> points = new ArrayList<>(curve);
        Status now = status;
        if (now.clock() != null && (points.isEmpty() || ((Instant) points.get(points.size() - 1).get("time")).isBefore(now.clock()))) {
            points.add(Map.of("time", now.clock(), "equity", now.equity()));
        }
        return points;
    }

    /** @return each bot, in config order */
    public List<BotRow> bots() {
        List<BotRow> rows = new ArrayList<>();
        for (String bot : botNames) {
            BotHealth.Transition t = health.get(bot);
            ArrayDeque<Boolean> calls = accuracy.get(bot);
            int judged;
            int right = 0;
            synchronized (accuracy) {
                judged = calls == null ? 0 : calls.size();
                if (calls != null) {
                    for (boolean hit : calls) {
                        right += hit ? 1 : 0;
                    }
                }
            }
            rows.add(new BotRow(bot, weights.getOrDefault(bot, 1.0), trust.get(bot), t == null ? "ACTIVE" : t.to().name(), t == null ? null : t.time(),
                    t == null ? "" : t.reason(), judged, right, new java.util.TreeMap<>(callsByBot.getOrDefault(bot, Map.of()))));
        }
        return rows;
    }

    /**
     * @param runId the run the session is stored as
     * @return the run's observer, which keeps this session up to date
     */
    public RunSink observerFor(long runId) {
        status = new Status(runId, "RUNNING", status.clock(), status.bars(), status.equity(), status.cash(), status.trades(),
                status.positions(), null);
        events.publish("status", status);
        return new Observer(runId);
    }

    /**
     * The run has ended.
     *
     * @param state FINISHED, STOPPED or FAILED
     * @param error why it failed, or null
     */
    public void ended(String state, String error) {
        Status s = status;
        status = new Status(s.runId(), state, s.clock(), s.bars(), s.equity(), s.cash(), s.trades(), s.positions(), error);
        events.publish("status", status);
    }

    /**
     * The run has finished: its positions are closed at the end of the data, so its equity is its cash, as the run reports
     * it (the last once-a-second snapshot may be older than the last bar and the end-of-data exits).
     *
     * @param result what the engine reported
     */
    public void finished(dev.quorum.core.engine.EngineResult result) {
        Status s = status;
        Instant clock = result.lastBar() != null ? result.lastBar() : s.clock();
        status = new Status(s.runId(), "FINISHED", clock, result.bars(), result.finalEquity(), result.finalEquity(), result.trades(),
                List.of(), null);
        if (clock != null && (curve.isEmpty() || ((Instant) curve.get(curve.size() - 1).get("time")).isBefore(clock))) {
            curve.add(Map.of("time", clock, "equity", result.finalEquity()));
        }
        events.publish("equity", Map.of("time", status.clock(), "equity", status.equity(), "cash", status.cash(), "positions", List.of(),
                "bars", status.bars()));
        events.publish("status", status);
    }

    /**
     * A daily report was written.
     *
     * @param day   its day
     * @param pages its pages
     * @param bytes its size
     */
    public void reportWritten(java.time.LocalDate day, int pages, long bytes) {
        events.publish("report", Map.of("day", day.toString(), "pages", pages, "bytes", bytes, "url", "/api/reports/" + day + ".pdf"));
    }

    /** Keeps the session up to date from the run, on the engine's thread. */
    private final class Observer implements RunSink {
        private final long runId;
        private long bars;
        private long trades;
        private long lastPush = Long.MIN_VALUE;
        private long lastTrust = Long.MIN_VALUE;
        // symbol -> each bot's direction on its last bar, in vote order
        private final Map<String, dev.quorum.api.Direction[]> directions = new java.util.HashMap<>();
        // "bot symbol" -> the changed call not yet pushed; the call last pushed
        private final Map<String, Map<String, Object>> pendingCalls = new java.util.LinkedHashMap<>();
        private final Map<String, String> pushedCalls = new java.util.HashMap<>();
        private long lastCallsPush = Long.MIN_VALUE;

        Observer(long runId) {
            this.runId = runId;
        }

        @Override
        public boolean watchesBars() {
            return true;
        }

        /**
         * Keeps each bot's call on the bar's symbol (a bot that has not called it yet counts as FLAT), and pushes the
         * calls that changed as one {@code signals} event at most every 250 ms; a call that
         * changed back to the one last pushed before its push is not pushed. Touches the maps only on a change.
         */
        private void noteCalls(BarClose close, long now) {
            String symbol = close.bar().symbol();
            List<String> bots = close.bots();
            dev.quorum.api.Direction[] last = directions.computeIfAbsent(symbol, k -> {
                dev.quorum.api.Direction[] d = new dev.quorum.api.Direction[bots.size()];
                java.util.Arrays.fill(d, dev.quorum.api.Direction.FLAT);
                return d;
            });
            for (int i = 0; i < last.length; i++) {
                dev.quorum.api.Signal signal = close.signal(i);
                if (signal.direction() == last[i]) {
                    continue;
                }
                last[i] = signal.direction();
                String bot = bots.get(i);
                Call call = new Call(signal.direction().name(), signal.confidence(), close.now(),
                        signal.reasons().isEmpty() ? "" : signal.reasons().get(0));
                callsByBot.computeIfAbsent(bot, b -> new ConcurrentHashMap<>()).put(symbol, call);
                if (events.clients() > 0) {
                    String key = bot + " " + symbol;
                    if (call.direction().equals(pushedCalls.getOrDefault(key, "FLAT"))) {
                        pendingCalls.remove(key);
                    } else {
                        Map<String, Object> event = new java.util.LinkedHashMap<>();
                        event.put("bot", bot);
                        event.put("symbol", symbol);
                        event.put("direction", call.direction());
                        event.put("confidence", call.confidence());
                        event.put("time", call.time());
                        event.put("reason", call.reason());
                        pendingCalls.put(key, event);
                    }
                }
            }
            if (!pendingCalls.isEmpty() && (lastCallsPush == Long.MIN_VALUE || now - lastCallsPush >= SIGNALS_EVERY_NANOS)) {
                pushCalls(now);
            }
        }

        private void pushCalls(long now) {
            pendingCalls.forEach((key, event) -> pushedCalls.put(key, (String) event.get("direction")));
            events.publish("signals", List.copyOf(pendingCalls.values()));
            pendingCalls.clear();
            lastCallsPush = now;
        }

        @Override
        public void flush() {
            if (!pendingCalls.isEmpty()) {
                pushCalls(System.nanoTime());
            }
        }

        @Override
        public void onBarClosed(BarClose close) {
            bars++;
            long now = System.nanoTime();
            noteCalls(close, now);
            if (lastPush != Long.MIN_VALUE && now - lastPush < EQUITY_EVERY_NANOS) {
                Status s = status;
                status = new Status(runId, s.state(), close.now(), bars, s.equity(), s.cash(), trades, s.positions(), null);
                return;
            }
            lastPush = now;
            PortfolioView p = close.portfolio();
            List<PositionRow> positions = new ArrayList<>();
            for (Position position : p.positions()) {
                double mark = p.lastPrice(position.symbol());
                positions.add(new PositionRow(position.symbol(), position.direction().name(), position.quantity(), position.entryPrice(),
                        mark, position.unrealisedPnl(mark), position.entryTime()));
            }
            close.weights().values().stream().flatMap(m -> m.entrySet().stream())
                    .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey,
                            java.util.stream.Collectors.averagingDouble(Map.Entry::getValue)))
                    .forEach(weights::put);
            if (lastTrust == Long.MIN_VALUE || now - lastTrust >= TRUST_EVERY_NANOS) {
                lastTrust = now;
                trust.putAll(close.trust());
            }
            Map<String, Map<String, Object>> botFigures = new java.util.LinkedHashMap<>();
            for (String bot : botNames) {
                Map<String, Object> b = new java.util.LinkedHashMap<>();
                b.put("weight", weights.getOrDefault(bot, 1.0));
                b.put("trust", trust.get(bot));
                botFigures.put(bot, b);
            }
            Status s = new Status(runId, status.state(), close.now(), bars, p.equity(), p.cash(), trades, List.copyOf(positions), null);
            status = s;
            events.publish("equity", Map.of("time", s.clock(), "equity", s.equity(), "cash", s.cash(), "positions", s.positions(),
                    "bars", s.bars(), "bots", botFigures));
        }

        @Override
        public void onEquity(dev.quorum.core.portfolio.EquityPoint point) {
            curve.add(Map.of("time", point.time(), "equity", point.equity()));
        }

        @Override
        public void onEntry(Fill fill) {
            events.publish("fill", fillEvent(fill));
        }

        @Override
        public void onPartialExit(Fill fill) {
            events.publish("fill", fillEvent(fill));
        }

        @Override
        public void onExit(Fill fill, ClosedTrade closed) {
            trades++;
            events.publish("fill", fillEvent(fill));
            Trade t = closed.trade();
            events.publish("trade", tradeEvent(t));
        }

        @Override
        public void onHealthTransition(String bot, BotHealth.Transition transition) {
            health.put(bot, transition);
            events.publish("bot", Map.of("bot", bot, "from", transition.from().name(), "to", transition.to().name(),
                    "time", transition.time(), "reason", transition.reason()));
        }

        @Override
        public void onOutcome(PredictionOutcome outcome) {
            // the shortest horizon only, as the health rules judge
            if (!outcome.horizon().equals(config.learning().horizonDurations().get(0))) {
                return;
            }
            synchronized (accuracy) {
                ArrayDeque<Boolean> calls = accuracy.computeIfAbsent(outcome.prediction().bot(), b -> new ArrayDeque<>());
                calls.addLast(outcome.hit());
                if (calls.size() > ACCURACY_WINDOW) {
                    calls.removeFirst();
                }
            }
        }
    }

    private static Map<String, Object> fillEvent(Fill f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", f.symbol());
        m.put("side", f.side().name());
        m.put("quantity", f.quantity());
        m.put("price", f.price());
        m.put("fee", f.fee());
        m.put("time", f.time());
        return m;
    }

    /**
     * @param t a trade
     * @return it as the API shows it
     */
    public static Map<String, Object> tradeEvent(Trade t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("symbol", t.symbol());
        m.put("direction", t.direction().name());
        m.put("quantity", t.quantity());
        m.put("entryTime", t.entryTime());
        m.put("entryPrice", t.entryPrice());
        m.put("exitTime", t.exitTime());
        m.put("exitPrice", t.exitPrice());
        m.put("fees", t.fees());
        m.put("pnl", t.pnl());
        m.put("exitReason", t.exitReason().name());
        m.put("bots", t.bots());
        m.put("hedge", t.hedge());
        return m;
    }
}
