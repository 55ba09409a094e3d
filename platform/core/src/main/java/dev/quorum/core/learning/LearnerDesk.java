package dev.quorum.core.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Direction;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.Outcome;
import dev.quorum.api.Signal;
import dev.quorum.api.SignalOutcome;
import dev.quorum.api.SignalReview;
import dev.quorum.api.Situation;
import dev.quorum.api.Trade;
import dev.quorum.api.VoteSample;
import dev.quorum.core.config.WeightsConfig;
import dev.quorum.core.plugin.PluginErrors;

/**
 * The learners of a run, between the bots' votes and the ensemble (seed 000's one pipeline that hands every
 * outcome to every learner, in engine time): it passes every judged prediction, every sample of the votes and every
 * closed trade to every learner; it turns their multipliers into the weights each symbol's vote uses; and it lets
 * the reviewing learners recalibrate or filter each LONG or SHORT signal before the vote.
 *
 * <p><b>Weights.</b> Per symbol, every {@code learning.weights.updateBars} of its bars, each learner is asked for its
 * multipliers in the symbol's situation now; a bot's target is its base weight ({@code learning.weights.groups}, 1 by
 * default) times the product of its multipliers (1 where a learner names no value), bounded to {@code [min, max]}; its weight then moves towards the target by at most
 * {@code maxChange} of where it was, and stays within the bounds. Every weight starts at its base weight.
 *
 * <p><b>Failures.</b> A learner that throws, or answers a multiplier or confidence that is not a finite number in
 * range, is counted against its plugin; its last good multipliers stand and the signal keeps its confidence. After
 * {@code maxErrors} failures it is left out for the rest of the run: its multiplier is 1 for every bot (equal
 * weights, as if it were not configured). A failing learner never stops the run.
 *
 * <p><b>Frozen.</b> A desk that does not learn ({@code learns = false}: the test windows of a walk-forward
 * evaluation) still asks for weights and reviews, but tells the learners nothing to learn from: judged calls go to
 * {@link LearnerInstance#evaluate} (for a learner to score its predictions), samples and trades nowhere, and it saves
 * no state.
 */
public final class LearnerDesk implements OutcomeTracker.Listener {

    private static final Logger log = LoggerFactory.getLogger(LearnerDesk.class);

    /** The bot name under which a learner reports figures on itself as a whole ({@link LearnerInstance#figures()}). */
    public static final String WHOLE = "*";

    /**
     * A configured learner.
     *
     * @param name     its name in config
     * @param pluginId the plugin it comes from
     * @param instance its instance for the run
     */
    public record Member(String name, String pluginId, LearnerInstance instance) {
    }

    /**
     * One figure a learner reported on a bot when the run ended.
     *
     * @param learner the learner's name
     * @param bot     the bot
     * @param figure  what it is, such as {@code trust}
     * @param value   its value
     */
    public record Figure(String learner, String bot, String figure, double value) {
    }

    /** One symbol's weights and the bars since its last sample and update. */
    public static final class Book {
        private final String symbol;
        private final double[] weights;
        private int sinceSample;
        private int sinceUpdate;

        private Book(String symbol, double[] base) {
            this.symbol = symbol;
            this.weights = base.clone();
        }

        /** @return the weights the symbol's vote uses, in bot order (the engine reads this array on every bar) */
        public double[] weights() {
            return weights;
        }
    }

    private final LearnerCalls calls;
    private final boolean[] reviewer;
    private final boolean anyReviewer;
    private final List<Map<String, Double>> lastGood = new ArrayList<>();
    private final String[] bots;
    private final WeightsConfig rules;
    private final int sampleBars;
    private final Function<String, Situation> situations;
    private final OutcomeTracker.Listener next;
    private final boolean learns;
    private final Map<String, Book> books = new HashMap<>();
    private final Map<String, Map<String, Signal>> entryVotes = new HashMap<>();
    private final double[] target;
    private final double[] base;
    private final int[] agreeing = new int[3];

    /**
     * @param members    the learners, in config order
     * @param bots       the bots, in vote order
     * @param rules      bounds and cadence of the weights
     * @param sampleBars bars of a symbol between two samples of the votes ({@code learning.cadence})
     * @param situations the market's situation on a symbol now
     * @param errors     where failures are counted
     * @param maxErrors  failures after which a learner is left out
     * @param next       told of every prediction and outcome first (the store, the health monitor)
     * @param learns     whether the learners are told what happens (false: frozen)
     */
    public LearnerDesk(List<Member> members, List<String> bots, WeightsConfig rules, int sampleBars,
                       Function<String, Situation> situations, PluginErrors errors, int maxErrors, OutcomeTracker.Listener next,
                       boolean learns) {
        this.calls = new LearnerCalls(members, errors, maxErrors);
        this.bots = bots.toArray(new String[0]);
        this.rules = rules;
        this.sampleBars = sampleBars;
        this.situations = situations;
        this.next = next;
        this.learns = learns;
        this.reviewer = new boolean[calls.size()];
        this.target = new double[this.bots.length];
        this.base = new double[this.bots.length];
        Arrays.fill(base, 1.0);
        boolean any = false;
        for (int m = 0; m < calls.size(); m++) {
            lastGood.add(Map.of());
            Boolean reviews = calls.call(m, "reviews()", LearnerInstance::reviews);
            reviewer[m] = reviews != null && reviews;
            any |= reviewer[m];
        }
        this.anyReviewer = any;
    }

    /** @return the learners' names, in config order */
    public List<String> names() {
        return java.util.stream.IntStream.range(0, calls.size()).mapToObj(m -> calls.member(m).name()).toList();
    }

    /**
     * @param symbol the symbol
     * @return its book (created on first use), whose weights array the engine keeps for the symbol's votes
     */
    public Book book(String symbol) {
        return books.computeIfAbsent(symbol, s -> new Book(s, base));
    }

    @Override
    public void onPrediction(Prediction prediction) {
        next.onPrediction(prediction);
    }

    @Override
    public void onOutcome(PredictionOutcome outcome) {
        next.onOutcome(outcome);
        Prediction p = outcome.prediction();
        SignalOutcome told = new SignalOutcome(p.bot(), p.symbol(), p.time(), p.direction(), p.confidence(), p.situation(),
                outcome.horizon(), outcome.time(), outcome.move(), outcome.hit());
        if (learns) {
            calls.forEach("onSignalOutcome()", l -> l.onSignalOutcome(told));
        } else {
            calls.forEach("evaluate()", l -> l.evaluate(told));
        }
    }

    /**
     * A bar has been voted on (the health rules applied): samples the votes and updates the symbol's weights when
     * their turn has come, then lets the reviewing learners adjust the signals. Called before the ensemble decides.
     *
     * @param book    the symbol's book
     * @param now     the bar's close time
     * @param signals the bots' signals, in vote order (not changed)
     * @param votes   receives the signals the vote is to count: the same, or recalibrated, or FLAT where a learner
     *                filtered one out
     */
    public void beforeVote(Book book, Instant now, Signal[] signals, Signal[] votes) {
        beforeVote(book, now, signals, votes, signals.length);
    }

    /**
     * @param book    the symbol's book
     * @param now     the bar's close time
     * @param signals the bots' signals, in vote order (not changed)
     * @param votes   receives the signals the vote is to count
     * @param voters  how many bots are in the vote (all but those their health keeps out)
     */
    public void beforeVote(Book book, Instant now, Signal[] signals, Signal[] votes, int voters) {
        Situation situation = null;
        if (learns && ++book.sinceSample >= sampleBars) {
            book.sinceSample = 0;
            situation = situations.apply(book.symbol);
            VoteSample sample = new VoteSample(book.symbol, now, situation, Arrays.asList(bots), Arrays.asList(signals));
            calls.forEach("onVotes()", l -> l.onVotes(sample));
        }
        if (++book.sinceUpdate >= rules.updateBars()) {
            book.sinceUpdate = 0;
            if (situation == null) {
                situation = situations.apply(book.symbol);
            }
            update(book.weights, situation);
        }
        if (votes != signals) {
            System.arraycopy(signals, 0, votes, 0, signals.length);
        }
        if (anyReviewer) {
            review(book.symbol, now, votes, situation, voters);
        }
    }

    /** @return whether a learner reviews the signals (then the engine keeps a second array for the votes) */
    public boolean reviews() {
        return anyReviewer;
    }

    /**
     * Sets the bots' base weights (learning.weights.groups), where every symbol's weights start and the learners'
     * multipliers apply on top of; before the first bar.
     *
     * @param weights one per bot, in vote order
     */
    public void baseWeights(double[] weights) {
        if (weights.length != bots.length || !books.isEmpty()) {
            throw new IllegalStateException("base weights are one per bot, set before the first bar");
        }
        System.arraycopy(weights, 0, base, 0, weights.length);
    }

    private void update(double[] weights, Situation situation) {
        System.arraycopy(base, 0, target, 0, target.length);
        for (int m = 0; m < calls.size(); m++) {
            if (calls.isOut(m)) {
                continue;
            }
            Map<String, Double> checked = calls.call(m, "weights()", l -> checked(l.weights(situation)));
            if (checked != null) {
                lastGood.set(m, checked);
            }
            if (calls.isOut(m)) {
                continue; // that failure was its last: equal weights from now on
            }
            Map<String, Double> use = lastGood.get(m);
            if (use.isEmpty()) {
                continue;
            }
            for (int i = 0; i < bots.length; i++) {
                Double w = use.get(bots[i]);
                if (w != null) {
                    target[i] *= w;
                }
            }
        }
        double min = rules.min();
        double max = rules.max();
        double step = rules.maxChange();
        for (int i = 0; i < bots.length; i++) {
            weights[i] = next(weights[i], target[i], min, max, step);
        }
    }

    /**
     * One bot's weight after an update.
     *
     * @param weight its weight now
     * @param target the product of the learners' multipliers
     * @param min    the lowest weight
     * @param max    the highest weight
     * @param step   the most it may move, as a fraction of {@code weight}
     * @return the target bounded to {@code [min, max]}, reached by at most {@code step × weight}, within the bounds
     */
    static double next(double weight, double target, double min, double max, double step) {
        double bounded = Math.max(min, Math.min(max, target));
        double moved = Math.max(weight * (1 - step), Math.min(weight * (1 + step), bounded));
        return Math.max(min, Math.min(max, moved));
    }

    /**
     * The multipliers as given (a name that is no bot of the run is ignored).
     *
     * @throws IllegalStateException when the map is null or holds a null name, or a multiplier that is not a finite
     *                               number above 0 (counted against the learner by the caller)
     */
    private static Map<String, Double> checked(Map<String, Double> answer) {
        if (answer == null) {
            throw new IllegalStateException("weights() returned null");
        }
        for (Map.Entry<String, Double> e : answer.entrySet()) {
            Double w = e.getValue();
            if (e.getKey() == null || w == null || !(w > 0) || !Double.isFinite(w)) {
                throw new IllegalStateException("the multiplier of bot '" + e.getKey() + "' is " + w + ", expected a finite number > 0");
            }
        }
        return Map.copyOf(answer);
    }

    private void review(String symbol, Instant now, Signal[] votes, Situation known, int voters) {
        Arrays.fill(agreeing, 0);
        for (Signal s : votes) {
            agreeing[s.direction().ordinal()]++;
        }
        Situation situation = known;
        for (int i = 0; i < votes.length; i++) {
            Signal s = votes[i];
            if (s.direction() == Direction.FLAT) {
                continue;
            }
            if (situation == null) {
                situation = situations.apply(symbol);
            }
            double confidence = s.confidence();
            for (int m = 0; m < calls.size() && confidence > 0; m++) {
                if (calls.isOut(m) || !reviewer[m]) {
                    continue;
                }
                SignalReview review = new SignalReview(bots[i], symbol, now,
                        confidence == s.confidence() ? s : withConfidence(s, confidence), s.confidence(), situation,
                        agreeing[s.direction().ordinal()], Math.max(voters, agreeing[s.direction().ordinal()]));
                Double answer = calls.call(m, "review()", l -> l.review(review));
                if (answer == null) {
                    continue;
                }
                if (!(answer >= 0 && answer <= 1)) {
                    calls.fail(m, "review()", "confidence " + answer + " for bot '" + bots[i] + "', expected a number in [0, 1]");
                    continue;
                }
                confidence = answer;
            }
            if (confidence == 0) {
                votes[i] = Signal.flat("left out by a learner");
            } else if (confidence != s.confidence()) {
                votes[i] = withConfidence(s, confidence);
            }
        }
    }

    private static Signal withConfidence(Signal s, double confidence) {
        return new Signal(s.direction(), confidence, s.reasons(), s.stopLoss(), s.takeProfit());
    }

    /**
     * An entry was sent on a symbol: the votes it came from are kept for the learners until its trade closes.
     *
     * @param symbol  the symbol
     * @param signals the signals the vote counted, in vote order
     */
    public void entered(String symbol, Signal[] signals) {
        if (!learns) {
            return;
        }
        Map<String, Signal> votes = new LinkedHashMap<>();
        for (int i = 0; i < signals.length; i++) {
            votes.put(bots[i], signals[i]);
        }
        entryVotes.put(symbol, votes);
    }

    /**
     * A trade closed: every learner hears it with the votes of its entry (a hedge, which no vote opened, is not told).
     *
     * @param trade the closed trade
     */
    public void closed(Trade trade) {
        if (!learns || trade.hedge()) {
            return;
        }
        Map<String, Signal> votes = entryVotes.get(trade.symbol());
        Outcome outcome = new Outcome(trade, votes == null ? Map.of() : votes);
        calls.forEach("onOutcome()", l -> l.onOutcome(outcome));
    }

    /**
     * The run ended: each learner saves its state (a frozen desk saves nothing, nor does a learner left out for failing).
     */
    public void checkpoint() {
        if (!learns) {
            return; // a frozen learner's state is the one it started from
        }
        for (int m = 0; m < calls.size(); m++) {
            if (calls.isOut(m)) {
                log.warn("[learner {}] its state is not saved: it was left out of this run for failing", calls.member(m).name());
            }
        }
        calls.forEach("checkpoint()", LearnerInstance::checkpoint);
    }

    /**
     * @return what the learners report per bot now (and on themselves as a whole, under the bot {@value #WHOLE}), in
     *         learner then bot order; a failing learner reports nothing
     */
    public List<Figure> figures() {
        List<Figure> all = new ArrayList<>();
        for (int m = 0; m < calls.size(); m++) {
            Member member = calls.member(m);
            List<Figure> mine = calls.call(m, "figures()", l -> figuresOf(member.name(), l));
            if (mine != null) {
                all.addAll(mine);
            }
        }
        return all;
    }

    /**
     * Each bot's trust as the learners report it now, for a live dashboard: the figure named {@code trust} (the first
     * learner that gives one for the bot). Read without counting a failure against the learner (one that throws or
     * returns garbage shows nothing here), so that watching a run never changes it.
     *
     * @return bot name to trust; empty when no learner reports trust
     */
    public Map<String, Double> trust() {
        Map<String, Double> trust = new java.util.LinkedHashMap<>();
        for (int m = 0; m < calls.size(); m++) {
            if (calls.isOut(m)) {
                continue;
            }
            Member member = calls.member(m);
            try {
                for (Figure f : figuresOf(member.name(), member.instance())) {
                    if (f.figure().equals("trust") && !f.bot().equals(WHOLE)) {
                        trust.putIfAbsent(f.bot(), f.value());
                    }
                }
            } catch (Throwable e) {
                dev.quorum.core.plugin.PluginCalls.rethrowIfFatal(e);
            }
        }
        return trust;
    }

    /** One learner's figures on the run's bots and on itself, those with a name of at most 64 characters and a finite value. */
    private List<Figure> figuresOf(String learner, LearnerInstance instance) {
        Map<String, Map<String, Double>> figures = instance.figures();
        List<Figure> out = new ArrayList<>();
        if (figures == null) {
            return out;
        }
        List<String> subjects = new ArrayList<>(Arrays.asList(bots));
        subjects.add(WHOLE);
        for (String bot : subjects) {
            Map<String, Double> mine = figures.get(bot);
            if (mine == null) {
                continue;
            }
            for (Map.Entry<String, Double> f : mine.entrySet()) {
                if (f.getKey() == null) {
                    throw new IllegalStateException("a figure of bot '" + bot + "' has no name");
                }
            }
            new java.util.TreeMap<>(mine).forEach((figure, value) -> {
                if (value != null && Double.isFinite(value) && figure.length() <= 64) {
                    out.add(new Figure(learner, bot, figure, value));
                }
            });
        }
        return out;
    }

    /** @return each symbol's weights now, bot name to weight, symbols in name order */
    public Map<String, Map<String, Double>> weights() {
        Map<String, Map<String, Double>> all = new java.util.TreeMap<>();
        books.forEach((symbol, book) -> {
            Map<String, Double> w = new LinkedHashMap<>();
            for (int i = 0; i < bots.length; i++) {
                w.put(bots[i], book.weights[i]);
            }
            all.put(symbol, w);
        });
        return all;
    }

    /**
     * @param learner the learner's place in config order
     * @return whether it has been left out for failing
     */
    public boolean isOut(int learner) {
        return calls.isOut(learner);
    }
}
