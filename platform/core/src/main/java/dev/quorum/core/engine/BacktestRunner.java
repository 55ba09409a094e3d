package dev.quorum.core.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.MarketDataSource;
import dev.quorum.api.SourceContext;
import dev.quorum.api.Strategy;
import dev.quorum.api.Timeframe;
import dev.quorum.core.analytics.Interval;
import dev.quorum.core.analytics.Performance;
import dev.quorum.core.analytics.StoredRun;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.ParameterBinder;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.data.Coverage;
import dev.quorum.core.data.CsvBarImporter;
import dev.quorum.core.data.EmbeddedCandles;
import dev.quorum.core.data.ImportResult;
import dev.quorum.core.journal.JournalSink;
import dev.quorum.core.journal.PluginRunErrors;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.learning.HealthMonitor;
import dev.quorum.core.learning.LearnerDesk;
import dev.quorum.core.learning.OutcomeTracker;
import dev.quorum.core.learning.SituationReader;
import dev.quorum.core.journal.RunSpec;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.store.Database;

/**
 * Runs one backtest end to end: checks the configuration against the started plugins, makes sure
 * the candles are in the store (importing the embedded ones on first use), records the run,
 * replays the bars, and reads the trades back to compute the summary and the trade-log hash.
 */
public final class BacktestRunner {

    private static final Logger log = LoggerFactory.getLogger(BacktestRunner.class);
    /** Where predictions and outcomes go when they are not stored. */
    private static final OutcomeTracker.Listener NOT_STORED = new OutcomeTracker.Listener() {
        @Override
        public void onPrediction(dev.quorum.core.learning.Prediction prediction) {
        }

        @Override
        public void onOutcome(dev.quorum.core.learning.PredictionOutcome outcome) {
        }
    };

    private final Database database;
    private final PluginHost plugins;
    private final Path workingDir;
    private final Clock wallClock;
    private final List<Registered<Strategy>> extraStrategies;
    private final boolean learnersLearn;
    private final boolean storesPredictions;
    // makes the observer of a run, given its id; null for none
    private final java.util.function.LongFunction<RunSink> observer;

    /**
     * @param database   the store
     * @param plugins    the started plugin host
     * @param workingDir what relative paths in config are relative to
     * @param wallClock  the run's wall-clock stamps and import records, and "now" for a live market data source
     */
    public BacktestRunner(Database database, PluginHost plugins, Path workingDir, Clock wallClock) {
        this(database, plugins, workingDir, wallClock, List.of());
    }

    /**
     * @param database        the store
     * @param plugins         the started plugin host; also where the extra strategies' errors are counted
     * @param workingDir      what relative paths in config are relative to
     * @param wallClock       used only for the run's wall-clock stamps and import records
     * @param extraStrategies strategies from outside the plugins (scripts), available to bots beside the plugins' own
     */
    public BacktestRunner(Database database, PluginHost plugins, Path workingDir, Clock wallClock,
                          List<Registered<Strategy>> extraStrategies) {
        this(database, plugins, workingDir, wallClock, extraStrategies, true, true, null);
    }

    private BacktestRunner(Database database, PluginHost plugins, Path workingDir, Clock wallClock,
                           List<Registered<Strategy>> extraStrategies, boolean learnersLearn, boolean storesPredictions,
                           java.util.function.LongFunction<RunSink> observer) {
        this.observer = observer;
        this.learnersLearn = learnersLearn;
        this.storesPredictions = storesPredictions;
        this.database = database;
        this.plugins = plugins;
        this.workingDir = workingDir;
        this.wallClock = wallClock;
        this.extraStrategies = List.copyOf(extraStrategies);
    }

    /** @return the store the runs are kept in */
    public Database database() {
        return database;
    }

    /**
     * @return a runner whose runs keep the learners frozen: they weigh and review from the state they start with
     *         (learning.state), learn nothing and save nothing (the test windows of a walk-forward evaluation)
     */
    public BacktestRunner frozenLearners() {
        return new BacktestRunner(database, plugins, workingDir, wallClock, extraStrategies, false, storesPredictions, observer);
    }

    /**
     * @param observer makes, for a run's id, a sink that sees everything the run records after the journal has it, and
     *                 every bar if it {@link RunSink#watchesBars() watches bars} (a live dashboard); it never holds up or
     *                 stops the run ({@link ObservedSink})
     * @return a runner whose runs are observed so
     */
    public BacktestRunner observedBy(java.util.function.LongFunction<RunSink> observer) {
        return new BacktestRunner(database, plugins, workingDir, wallClock, extraStrategies, learnersLearn, storesPredictions,
                java.util.Objects.requireNonNull(observer, "observer"));
    }

    /**
     * @return a runner whose runs make, judge and learn from predictions as configured but do not store them (tables
     *         predictions and prediction_outcomes): the many runs of a walk-forward evaluation, which would fill the
     *         database with millions of rows nobody reads
     */
    public BacktestRunner withoutStoredPredictions() {
        return new BacktestRunner(database, plugins, workingDir, wallClock, extraStrategies, learnersLearn, false, observer);
    }

    /**
     * @param config   the configuration (already validated)
     * @param progress told how far the replay has come
     * @return the report
     * @throws ConfigException when the configuration does not fit the plugins or the data
     */
    public BacktestReport run(QuorumConfig config, ProgressListener progress) {
        return run(config, progress, "backtest", java.util.function.UnaryOperator.identity());
    }

    /**
     * The same run with another kind and the bar stream wrapped (a replay paces it).
     *
     * @param config   the configuration (already validated)
     * @param progress told how far the replay has come
     * @param kind     the run's kind in the store, such as {@code backtest} or {@code replay}
     * @param bars     wraps the stored bars before the engine reads them
     * @return the report
     */
    public BacktestReport run(QuorumConfig config, ProgressListener progress, String kind,
                              java.util.function.UnaryOperator<BarStream> bars) {
        return run(config, progress, kind, bars, null);
    }

    /**
     * The same run with work scheduled on its engine clock (the daily reports).
     *
     * @param config   the configuration (already validated)
     * @param progress told how far the replay has come
     * @param kind     the run's kind in the store, such as {@code backtest} or {@code replay}
     * @param bars     wraps the stored bars before the engine reads them
     * @param clock    woken on the engine clock and at the end of the run; null for none
     * @return the report
     */
    public BacktestReport run(QuorumConfig config, ProgressListener progress, String kind,
                              java.util.function.UnaryOperator<BarStream> bars, EngineClockListener clock) {
        return run(config, progress, kind, bars, clock, RunStop.never());
    }

    /**
     * The same run, which may stop part-way: then it is stored as STOPPED, with its positions open, and
     * {@link #resume} carries it on.
     *
     * @param config   the configuration (already validated)
     * @param progress told how far the replay has come
     * @param kind     the run's kind in the store, such as {@code backtest} or {@code replay}
     * @param bars     wraps the stored bars before the engine reads them
     * @param clock    woken on the engine clock and at the end of the run; null for none
     * @param stop     when to stop part-way
     * @return the report; {@code result().stopped()} says whether it stopped part-way
     */
    public BacktestReport run(QuorumConfig config, ProgressListener progress, String kind,
                              java.util.function.UnaryOperator<BarStream> bars, EngineClockListener clock, RunStop stop) {
        return execute(config, progress, kind, bars, clock, stop, null);
    }

    /**
     * Carries on a run stopped part-way, as if it had never stopped: the engine replays it from its first bar, so that
     * every component rebuilds the state it had at the stop (bots, learners, health, risk modules, position manager,
     * broker, portfolio); the replay's output up to the stop is checked against what the run stored and dropped
     * ({@link ResumeGate}); from the next bar on, the run goes on storing as before. Its learners start from the state
     * they started the run with: a stopped run saves none.
     *
     * @param runId    the stopped run
     * @param config   the configuration it was started with (checked against the stored one)
     * @param progress told how far the replay has come
     * @param bars     wraps the stored bars before the engine reads them
     * @param clock    woken on the engine clock and at the end of the run (not for the work it did before the stop); null
     *                 for none
     * @param stop     when to stop again
     * @return the report of the whole run
     * @throws IllegalArgumentException when the run is not STOPPED or was started with another configuration
     * @throws IllegalStateException    when the replay does not give the trades the run stored (the data or the plugins
     *                                  changed); the run stays STOPPED
     */
    public BacktestReport resume(long runId, QuorumConfig config, ProgressListener progress,
                                 java.util.function.UnaryOperator<BarStream> bars, EngineClockListener clock, RunStop stop) {
        return execute(config, progress, null, bars, clock, stop, runId);
    }

    private BacktestReport execute(QuorumConfig config, ProgressListener progress, String kind,
                                   java.util.function.UnaryOperator<BarStream> bars, EngineClockListener clock, RunStop stop,
                                   Long resumed) {
        java.util.SortedMap<String, Integer> errorsBefore = plugins.errorCounts();
        List<Registered<Strategy>> strategies = new java.util.ArrayList<>(plugins.strategies());
        strategies.addAll(extraStrategies);
        Assembly assembly = Assembly.of(config, strategies, plugins.riskModules(), plugins.positionManagers(), plugins);
        LearnerSetup learnerSetup = LearnerSetup.resolve(config, plugins.learners());
        Timeframe timeframe = config.data().baseTimeframe();
        Instant from = config.data().fromDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = config.data().toDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        CandleStore store = new CandleStore(database);
        Registered<MarketDataSource> source = config.data().fromPlugin() ? dataSource(config.data().source()) : null;
        dev.quorum.api.Parameters sourceParams = source == null ? null
                : ParameterBinder.bind("data.source '" + source.info().id() + "'", List.of("data", "source"), source.info(), config.data().source());
        List<ImportResult> imports = source == null ? ensureCandles(config, store, timeframe) : List.of();

        RunJournal journal = new RunJournal(database, wallClock);
        journal.failInterruptedRuns().forEach(id -> log.warn("run {} was interrupted before it finished; marked FAILED", id));
        // a source plugin is asked for its bars before anything is stored, so that one refusing its settings stores nothing;
        // a resumed run asks it only for the bars after its stop (those up to there are replayed from the store, which kept them)
        Instant sourceFrom = resumed == null ? from : journal.run(resumed).map(r -> r.stoppedAt()).filter(t -> t != null).orElse(from);
        BarStream sourceBars = source == null || !sourceFrom.isBefore(to) ? null
                : SourceFeed.open(source, new SourceContext(sourceParams, wallClock), new BarQuery(config.data().symbols(), timeframe, sourceFrom, to));
        long runId;
        Instant stoppedAt = null;
        try {
            if (resumed == null) {
                runId = journal.begin(new RunSpec(kind, json(config), config.data().symbols(), timeframe, from, to,
                        config.engine().initialCash()));
            } else {
                runId = resumed;
                stoppedAt = journal.resume(runId, json(config));
                java.util.Optional<Instant> until = stop.time();
                if (until.isPresent() && !until.get().isAfter(stoppedAt)) {
                    journal.stayStopped(runId, null);
                    throw new IllegalArgumentException("run " + runId + " stopped at " + stoppedAt + " already: a stop when resuming it"
                            + " must come later (was " + until.get() + ")");
                }
                stop = stop.onlyAfter(stoppedAt); // no stop while it replays what it did before
                log.info("run {}: resuming; replaying it up to {}, where it stopped, to rebuild its state", runId, stoppedAt);
            }
        } catch (RuntimeException e) {
            if (sourceBars != null) {
                sourceBars.close();
            }
            throw e;
        }
        log.info("run {}: {} bots {}, risk chain {}, {} {} from {} to {}", runId, assembly.botNames().size(),
                assembly.botNames(), assembly.risk().links().stream().map(l -> l.name()).toList(),
                config.data().symbols(), timeframe, config.data().from(), config.data().to());
        EngineResult result;
        ResumeGate gate = null;
        try (JournalSink journalSink = journal.sink(runId);
             BarStream stream = bars.apply(source == null ? store.bars(new BarQuery(config.data().symbols(), timeframe, from, to))
                     : sourced(store, source, sourceBars, config.data().symbols(), timeframe, from, to, stoppedAt, stop))) {
            gate = stoppedAt == null ? null : new ResumeGate(journalSink, runId, stoppedAt, journal.trades(runId),
                    journal.fills(runId), () -> journal.resumed(runId));
            RunSink recorded = gate == null ? journalSink : gate;
            java.util.function.BooleanSupplier replaying = gate == null ? () -> false : gate::replaying;
            RunSink clocked = clock == null ? recorded : new ClockedSink(recorded, clock, runId, replaying);
            RunSink sink = observer == null ? clocked : new ObservedSink(clocked, observer.apply(runId), replaying);
            OutcomeTracker outcomes = null;
            HealthMonitor health = null;
            LearnerDesk learners = null;
            if (config.learning().enabled()) {
                OutcomeTracker.Listener stored = storesPredictions ? sink : NOT_STORED;
                health = config.learning().healthRules().map(r -> new HealthMonitor(r, assembly.botNames(), stored, sink)).orElse(null);
                java.util.function.Function<String, dev.quorum.api.Situation> situations =
                        new SituationReader(new HostMarkets(config.data().symbols(), timeframe, assembly.feeds()))::read;
                OutcomeTracker.Listener listener = health == null ? stored : health;
                if (!learnerSetup.isEmpty()) {
                    String scope = config.learning().state() != null ? config.learning().state() : "run-" + runId;
                    learners = new LearnerDesk(learnerSetup.create(config, assembly.bots(), database, scope, wallClock, learnersLearn, plugins),
                            assembly.botNames(), config.learning().weights(), config.learning().cadence(), situations, plugins,
                            config.engine().maxBotErrors(), listener, learnersLearn);
                    listener = learners;
                }
                outcomes = new OutcomeTracker(config.learning().horizonDurations(), config.learning().cadence(), assembly.bots().size(),
                        situations, listener);
            }
            double[] base = LearnerSetup.baseWeights(config, assembly.bots());
            if (learners != null) {
                learners.baseWeights(base);
            }
            Backtest backtest = new Backtest(config.engine(), assembly.bots(), assembly.risk(), assembly.positions(), assembly.feeds(),
                    source == null ? dataEnds(store, config.data().symbols(), timeframe, from, to) : Map.of(),
                    PaperBroker.of(config.broker()), sink, outcomes, health, learners, base);
            result = backtest.run(gate == null ? stream : gate.watch(stream), progress, stop);
        } catch (RuntimeException | Error e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (resumed != null && (gate == null || gate.replaying())) {
                journal.stayStopped(runId, error); // nothing new was stored: it can be resumed once what changed is back
            } else {
                journal.fail(runId, error);
            }
            throw e;
        }
        if (result.stopped()) {
            // plugin errors, bot reports and the hash are recorded when the run finishes (a resumed run counts them anew)
            journal.stop(runId, result, result.stoppedAt());
            log.info("run {}: stopped at {} after {} bars; resume it to carry on", runId, result.stoppedAt(), result.bars());
            List<dev.quorum.api.Trade> trades = journal.trades(runId);
            return new BacktestReport(runId, result, trades, performanceOf(journal, runId, config, result, from),
                    dev.quorum.core.journal.TradeLog.sha256(trades), imports);
        }
        List<PluginRunErrors> pluginErrors = new java.util.ArrayList<>();
        plugins.errorCounts().forEach((pluginId, count) -> {
            int added = count - errorsBefore.getOrDefault(pluginId, 0);
            if (added > 0) {
                pluginErrors.add(new PluginRunErrors(runId, pluginId, added, plugins.lastError(pluginId)));
            }
        });
        String hash = journal.finish(runId, result, pluginErrors);
        if (clock != null) {
            try {
                clock.onRunEnd(runId, result.lastBar());
            } catch (RuntimeException e) {
                log.warn("run {}: the end-of-run work failed: {}", runId, e.toString(), e);
            }
        }
        StoredRun stored = StoredRun.load(journal, runId, config.engine().initialCash(), config.engine().equityTimeframe().duration());
        return new BacktestReport(runId, result, stored.trades(), performanceOf(stored, result, from), hash, imports);
    }

    private static Performance performanceOf(RunJournal journal, long runId, QuorumConfig config, EngineResult result, Instant from) {
        return performanceOf(StoredRun.load(journal, runId, config.engine().initialCash(), config.engine().equityTimeframe().duration()),
                result, from);
    }

    /** The performance over the whole run (so far). */
    private static Performance performanceOf(StoredRun stored, EngineResult result, Instant from) {
        Instant first = result.firstBar() != null ? result.firstBar() : from;
        Instant last = result.lastBar() != null ? result.lastBar() : first;
        return stored.performance(new Interval(first, last), ZoneOffset.UTC);
    }

    /**
     * The bars of a run fed by a source plugin: its stream, read by a {@link SourceFeed}; for a resumed run, the bars up to
     * its stop from the store (where the feed kept them as the run took them), then the source's from there.
     */
    private BarStream sourced(CandleStore store, Registered<MarketDataSource> source, BarStream sourceBars, List<String> symbols,
                              Timeframe timeframe, Instant from, Instant to, Instant stoppedAt, RunStop stop) {
        Instant sourceFrom = stoppedAt == null ? from : stoppedAt;
        BarStream live = sourceBars == null ? BarStream.of(java.util.Collections.emptyIterator())
                : SourceFeed.start(source, sourceBars, new BarQuery(symbols, timeframe, sourceFrom, to), store, plugins, stop, stoppedAt);
        if (stoppedAt == null || !stoppedAt.isAfter(from)) {
            return live;
        }
        BarStream replayed = store.bars(new BarQuery(symbols, timeframe, from, stoppedAt));
        return new BarStream() {
            @Override
            public boolean hasNext() {
                return replayed.hasNext() || live.hasNext();
            }

            @Override
            public dev.quorum.api.Bar next() {
                return replayed.hasNext() ? replayed.next() : live.next();
            }

            @Override
            public void close() {
                try {
                    replayed.close();
                } finally {
                    live.close();
                }
            }
        };
    }

    /** The configured source among the started plugins' sources, or a configuration error listing those there are. */
    private Registered<MarketDataSource> dataSource(dev.quorum.core.config.SourceConfig configured) {
        return plugins.dataSources().stream().filter(r -> r.info().id().equals(configured.use())).findFirst()
                .orElseThrow(() -> new ConfigException("data.source: no market data source '" + configured.use() + "' among the started"
                        + " plugins (available: " + java.util.stream.Stream.concat(java.util.stream.Stream.of(dev.quorum.core.config.DataConfig.STORED
                        + " (the stored candles)"), plugins.dataSources().stream().map(r -> r.info().id()).sorted()).toList()
                        + "); is its plugin installed, enabled and started? see ./quorum plugins list", List.of("data", "source", "use"), null));
    }

    /** For each symbol whose stored bars end inside [from, to), the open time of its last bar there. */
    private static Map<String, Instant> dataEnds(CandleStore store, List<String> symbols, Timeframe timeframe, Instant from, Instant to) {
        Map<String, Instant> ends = new java.util.HashMap<>();
        for (String symbol : symbols) {
            store.coverage(symbol, timeframe).map(Coverage::last)
                    .filter(last -> !last.isBefore(from) && last.plus(timeframe.duration()).isBefore(to))
                    .ifPresent(last -> ends.put(symbol, last));
        }
        return ends;
    }

    /**
     * Makes sure the store holds candles of every configured symbol, importing the embedded ones if not.
     *
     * @param config    the configuration
     * @param store     the candle store
     * @param timeframe the base timeframe
     * @return what was imported
     * @throws ConfigException when a symbol has no candles anywhere
     */
    public List<ImportResult> ensureCandles(QuorumConfig config, CandleStore store, Timeframe timeframe) {
        List<String> missing = config.data().symbols().stream()
                .filter(s -> store.coverage(s, timeframe).isEmpty()).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        Path dataDir = workingDir.resolve(config.data().dir());
        EmbeddedCandles embedded = EmbeddedCandles.load(dataDir);
        CsvBarImporter importer = new CsvBarImporter(database, wallClock);
        List<ImportResult> imported = embedded.ensureImported(importer, store, missing, timeframe);
        for (String symbol : config.data().symbols()) {
            Coverage c = store.coverage(symbol, timeframe)
                    .orElseThrow(() -> new ConfigException("data.symbols: no " + timeframe + " candles for '" + symbol + "'"));
            log.debug("{} {}: {} bars stored, {} .. {}", symbol, timeframe, c.bars(), c.first(), c.last());
        }
        return imported;
    }

    /**
     * @param config a configuration
     * @return it as the canonical JSON stored with a run (keys sorted)
     */
    public static String json(QuorumConfig config) {
        try {
            return JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the configuration: " + e.getMessage(), e);
        }
    }
}
