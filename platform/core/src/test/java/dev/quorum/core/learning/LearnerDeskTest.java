package dev.quorum.core.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.Outcome;
import dev.quorum.api.Signal;
import dev.quorum.api.SignalOutcome;
import dev.quorum.api.SignalReview;
import dev.quorum.api.Situation;
import dev.quorum.api.VoteSample;
import dev.quorum.core.config.WeightsConfig;

/**
 * The host's rules for learners: the weight arithmetic (product of multipliers, bounds, at most 15% per update), the
 * review chain, what learners are told, and what happens when one fails.
 */
class LearnerDeskTest {

    private static final List<String> BOTS = List.of("a", "b", "c");
    private static final Instant T = Instant.parse("2018-04-04T10:00:00Z");
    private static final Function<String, Situation> SITUATION = s -> Situation.UNKNOWN;

    /** A learner whose answers the test sets, and which records what it hears. */
    private static class Scripted implements LearnerInstance {
        Map<String, Double> weights = Map.of();
        boolean reviews;
        Function<SignalReview, Double> review = r -> r.signal().confidence();
        RuntimeException failure;
        final List<Object> heard = new ArrayList<>();

        @Override
        public void onOutcome(Outcome outcome) {
            heard.add(outcome);
        }

        @Override
        public Map<String, Double> weights() {
            if (failure != null) {
                throw failure;
            }
            return weights;
        }

        @Override
        public boolean reviews() {
            return reviews;
        }

        @Override
        public double review(SignalReview r) {
            return review.apply(r);
        }

        @Override
        public void onSignalOutcome(SignalOutcome outcome) {
            heard.add(outcome);
        }

        @Override
        public void onVotes(VoteSample sample) {
            heard.add(sample);
        }

        @Override
        public void evaluate(SignalOutcome outcome) {
            heard.add("evaluate " + outcome.bot());
        }

        @Override
        public void checkpoint() {
            heard.add("checkpoint");
        }
    }

    private final List<String> errors = new ArrayList<>();

    private LearnerDesk desk(int updateBars, int sampleBars, boolean learns, Scripted... learners) {
        List<LearnerDesk.Member> members = new ArrayList<>();
        for (int i = 0; i < learners.length; i++) {
            members.add(new LearnerDesk.Member("l" + i, "plugin" + i, learners[i]));
        }
        return new LearnerDesk(members, BOTS, new WeightsConfig(updateBars, null, null, null), sampleBars, SITUATION,
                (plugin, what, error) -> errors.add(plugin + " " + what + ": " + error), 3, new OutcomeTracker.Listener() {
                    @Override
                    public void onPrediction(Prediction prediction) {
                    }

                    @Override
                    public void onOutcome(PredictionOutcome outcome) {
                    }
                }, learns);
    }

    private static Signal[] flat() {
        return new Signal[] {Signal.flat(), Signal.flat(), Signal.flat()};
    }

    @Test
    void aStepMovesAtMostFifteenPercentAndStaysInBounds() {
        assertEquals(1.15, LearnerDesk.next(1.0, 2.0, 0.1, 2.0, 0.15), 1e-12);
        assertEquals(0.85, LearnerDesk.next(1.0, 0.01, 0.1, 2.0, 0.15), 1e-12);
        assertEquals(1.07, LearnerDesk.next(1.0, 1.07, 0.1, 2.0, 0.15), 1e-12);   // within the step: the target
        assertEquals(2.0, LearnerDesk.next(1.9, 5.0, 0.1, 2.0, 0.15), 1e-12);     // bounded above
        assertEquals(0.1, LearnerDesk.next(0.11, 0.0001, 0.1, 2.0, 0.15), 1e-12); // bounded below
    }

    @Test
    void weightsAreTheProductOfTheMultipliersReachedStepByStep() {
        Scripted x = new Scripted();
        Scripted y = new Scripted();
        x.weights = Map.of("a", 2.0, "b", 0.5);
        y.weights = Map.of("a", 0.8, "c", 3.0);
        LearnerDesk desk = desk(2, 1000, true, x, y);
        LearnerDesk.Book book = desk.book("BTC-USD");
        Signal[] s = flat();
        desk.beforeVote(book, T, s, s);
        assertArrayEquals(new double[] {1, 1, 1}, book.weights(), "no update before updateBars bars");
        desk.beforeVote(book, T, s, s);
        // targets: a 1.6, b 0.5, c 3.0 -> bounded 2.0; one step of 15% from 1
        assertArrayEquals(new double[] {1.15, 0.85, 1.15}, book.weights(), 1e-12);
        for (int k = 0; k < 20; k++) {
            desk.beforeVote(book, T, s, s);
        }
        assertArrayEquals(new double[] {1.6, 0.5, 2.0}, book.weights(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, desk.book("ETH-USD").weights(), "each symbol has its own");
    }

    @Test
    void aFailingLearnerKeepsItsLastGoodWeightsThenCountsAsEqualWeights() {
        Scripted x = new Scripted();
        x.weights = Map.of("a", 0.5);
        LearnerDesk desk = desk(1, 1000, true, x);
        LearnerDesk.Book book = desk.book("BTC-USD");
        Signal[] s = flat();
        desk.beforeVote(book, T, s, s); // a: 1 -> 0.85
        x.failure = new IllegalStateException("boom");
        desk.beforeVote(book, T, s, s); // fails: its last good 0.5 stands -> 0.7225
        assertEquals(0.85 * 0.85, book.weights()[0], 1e-12);
        x.weights = Map.of("a", Double.NaN);
        x.failure = null;
        desk.beforeVote(book, T, s, s); // garbage: counted, last good stands
        assertEquals(0.85 * 0.85 * 0.85, book.weights()[0], 1e-12);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("plugin0 learner 'l0' weights()") && errors.get(0).contains("boom"), errors.get(0));
        assertTrue(errors.get(1).contains("NaN"), errors.get(1));
        x.failure = new IllegalStateException("again");
        desk.beforeVote(book, T, s, s); // third failure: left out, equal weights from now on
        assertTrue(desk.isOut(0));
        double w = book.weights()[0];
        assertEquals(Math.min(1, w * 1.15), w * 1.15, 1e-12);
        assertEquals(0.85 * 0.85 * 0.85 * 1.15, w, 1e-12, "moving back towards 1");
    }

    @Test
    void reviewersChainAndZeroLeavesTheSignalOutOfTheVote() {
        Scripted halve = new Scripted();
        halve.reviews = true;
        halve.review = r -> r.signal().confidence() / 2;
        Scripted filter = new Scripted();
        filter.reviews = true;
        List<SignalReview> seen = new ArrayList<>();
        filter.review = r -> {
            seen.add(r);
            return r.bot().equals("b") ? 0.0 : r.signal().confidence();
        };
        LearnerDesk desk = desk(1000, 1000, true, halve, filter);
        assertTrue(desk.reviews());
        Signal[] signals = {Signal.buy(0.8, "x"), Signal.buy(0.6, "y"), Signal.flat()};
        Signal[] votes = new Signal[3];
        desk.beforeVote(desk.book("BTC-USD"), T, signals, votes);
        assertEquals(0.4, votes[0].confidence(), 1e-12);
        assertEquals(List.of("x"), votes[0].reasons());
        assertEquals(Direction.FLAT, votes[1].direction());
        assertSame(signals[2], votes[2]);
        assertEquals(0.8, signals[0].confidence(), "the bots' own signals are not changed");
        assertEquals(0.4, seen.get(0).signal().confidence(), 1e-12, "the second reviewer sees what the first left");
        assertEquals(2, seen.get(0).agreeing());
        assertEquals(3, seen.get(0).voters());
    }

    @Test
    void aReviewOutOfRangeIsCountedAndChangesNothing() {
        Scripted bad = new Scripted();
        bad.reviews = true;
        bad.review = r -> 1.5;
        LearnerDesk desk = desk(1000, 1000, true, bad);
        Signal[] signals = {Signal.buy(0.8), Signal.flat(), Signal.flat()};
        Signal[] votes = new Signal[3];
        desk.beforeVote(desk.book("BTC-USD"), T, signals, votes);
        assertSame(signals[0], votes[0]);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("review()") && errors.get(0).contains("1.5"), errors.get(0));
    }

    @Test
    void learnersHearSamplesAndOutcomesButAFrozenOneOnlyScoresAndSavesNothing() {
        Scripted live = new Scripted();
        LearnerDesk desk = desk(1000, 2, true, live);
        Scripted frozen = new Scripted();
        LearnerDesk frozenDesk = desk(1000, 2, false, frozen);
        Prediction p = new Prediction(1, "a", "BTC-USD", T, Direction.LONG, 0.7, 100, Situation.UNKNOWN);
        PredictionOutcome o = PredictionOutcome.judge(p, Duration.ofHours(1), T.plusSeconds(3600), 101);
        for (LearnerDesk d : List.of(desk, frozenDesk)) {
            Signal[] s = {Signal.buy(0.7), Signal.flat(), Signal.sell(0.4)};
            d.beforeVote(d.book("BTC-USD"), T, s, s);
            d.beforeVote(d.book("BTC-USD"), T, s, s); // the 2nd bar: a sample
            d.onOutcome(o);
        }
        assertEquals(2, live.heard.size());
        VoteSample sample = (VoteSample) live.heard.get(0);
        assertEquals(BOTS, sample.bots());
        assertEquals(Direction.SHORT, sample.signals().get(2).direction());
        SignalOutcome told = (SignalOutcome) live.heard.get(1);
        assertEquals("a", told.bot());
        assertEquals(0.01, told.move(), 1e-12);
        assertTrue(told.hit());
        assertEquals(List.of("evaluate a"), frozen.heard, "a frozen desk tells its learners nothing to learn from");
        frozenDesk.checkpoint();
        assertEquals(List.of("evaluate a"), frozen.heard, "and saves no state");
        desk.checkpoint();
        assertEquals("checkpoint", live.heard.get(2));
    }

    @Test
    void aClosedTradeReachesTheLearnersWithTheVotesOfItsEntryButAHedgeDoesNot() {
        Scripted live = new Scripted();
        LearnerDesk desk = desk(1000, 1000, true, live);
        Signal[] votes = {Signal.buy(0.9, "up"), Signal.flat(), Signal.buy(0.5)};
        desk.entered("BTC-USD", votes);
        votes[0] = Signal.flat(); // the engine reuses its arrays: what was kept is a copy
        dev.quorum.api.Trade trade = new dev.quorum.api.Trade(1, "BTC-USD", Direction.LONG, 1, T, 100, T.plusSeconds(600), 101, 0.2, 0.8,
                dev.quorum.api.ExitReason.TAKE_PROFIT, List.of("a", "c"));
        desk.closed(trade);
        desk.closed(new dev.quorum.api.Trade(2, "BTC-USD", Direction.SHORT, 0.5, T, 100, T.plusSeconds(600), 101, 0.1, -0.6,
                dev.quorum.api.ExitReason.HEDGE_RELEASED, List.of(), true));
        assertEquals(1, live.heard.size());
        Outcome outcome = (Outcome) live.heard.get(0);
        assertSame(trade, outcome.trade());
        assertEquals(List.of("a", "b", "c"), List.copyOf(outcome.votes().keySet()));
        assertEquals(0.9, outcome.votes().get("a").confidence());
    }

    @Test
    void aNullNameAThrowingFigureReportOrAFailedLearnersCheckpointCannotStopTheRun() {
        Scripted nullName = new Scripted();
        java.util.HashMap<String, Double> withNull = new java.util.HashMap<>();
        withNull.put(null, 1.5);
        nullName.weights = withNull;
        Scripted badFigures = new Scripted() {
            @Override
            public Map<String, Map<String, Double>> figures() {
                throw new IllegalStateException("no figures today");
            }
        };
        LearnerDesk desk = desk(1, 1000, true, nullName, badFigures);
        LearnerDesk.Book book = desk.book("BTC-USD");
        Signal[] s = flat();
        for (int k = 0; k < 3; k++) {
            desk.beforeVote(book, T, s, s);  // the null name fails 3 times: left out
        }
        assertTrue(desk.isOut(0));
        assertArrayEquals(new double[] {1, 1, 1}, book.weights(), 1e-12);
        assertTrue(desk.figures().isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.contains("plugin1 learner 'l1' figures()") && e.contains("no figures today")), errors.toString());
        desk.checkpoint();
        assertFalse(nullName.heard.contains("checkpoint"), "a learner left out for failing saves no state");
        assertTrue(badFigures.heard.contains("checkpoint"));
    }

    @Test
    void theReviewTellsTheStatedConfidenceAndCountsOnlyTheBotsInTheVote() {
        Scripted raise = new Scripted();
        raise.reviews = true;
        raise.review = r -> 0.95;
        Scripted look = new Scripted();
        look.reviews = true;
        List<SignalReview> seen = new ArrayList<>();
        look.review = r -> {
            seen.add(r);
            return r.signal().confidence();
        };
        LearnerDesk desk = desk(1000, 1000, true, raise, look);
        Signal[] signals = {Signal.buy(0.6), Signal.flat(), Signal.flat()};
        desk.beforeVote(desk.book("BTC-USD"), T, signals, new Signal[3], 2);
        assertEquals(0.95, seen.get(0).signal().confidence(), 1e-12);
        assertEquals(0.6, seen.get(0).stated(), 1e-12);
        assertEquals(2, seen.get(0).voters());
    }

    @Test
    void groupWeightsAreWhereEveryWeightStartsAndTheLearnersMultiplyOnTop() {
        Scripted x = new Scripted();
        x.weights = Map.of("a", 2.0, "b", 2.0, "c", 2.0);
        LearnerDesk desk = desk(1, 1000, true, x);
        desk.baseWeights(new double[] {2.0, 0.5, 1.0});
        LearnerDesk.Book book = desk.book("BTC-USD");
        assertArrayEquals(new double[] {2.0, 0.5, 1.0}, book.weights(), 1e-12);
        Signal[] s = flat();
        for (int k = 0; k < 20; k++) {
            desk.beforeVote(book, T, s, s);
        }
        // targets 4.0 (bounded to 2.0), 1.0, 2.0
        assertArrayEquals(new double[] {2.0, 1.0, 2.0}, book.weights(), 1e-12);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> desk.baseWeights(new double[] {1, 1, 1}),
                "not once a symbol has started");
    }
}
