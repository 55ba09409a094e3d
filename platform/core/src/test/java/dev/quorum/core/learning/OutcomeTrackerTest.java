package dev.quorum.core.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import dev.quorum.api.Situation;
import dev.quorum.api.Timeframe;

/** Which calls become predictions, and when and how each is judged, on hand-built bars. */
class OutcomeTrackerTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Situation TREND = new Situation(Situation.Regime.TREND_UP, Situation.Level.HIGH, Situation.Level.NORMAL,
            Situation.Momentum.UP);

    private final List<Prediction> predictions = new ArrayList<>();
    private final List<PredictionOutcome> outcomes = new ArrayList<>();
    private final List<String> situationsRead = new ArrayList<>();

    private OutcomeTracker tracker(int cadence, Duration... horizons) {
        return new OutcomeTracker(List.of(horizons), cadence, 2, symbol -> {
            situationsRead.add(symbol);
            return TREND;
        }, new OutcomeTracker.Listener() {
            @Override
            public void onPrediction(Prediction p) {
                predictions.add(p);
            }

            @Override
            public void onOutcome(PredictionOutcome o) {
                outcomes.add(o);
            }
        });
    }

    private static Bar bar(String symbol, int minute, double close) {
        return new Bar(symbol, Timeframe.M1, T0.plusSeconds(60L * minute), close, close, close, close, 1);
    }

    private static void vote(OutcomeTracker t, Bar bar, Signal a, Signal b) {
        t.judgeDue(bar, bar.closeTime());
        t.afterVote(bar, bar.closeTime(), new String[] {"a", "b"}, new Signal[] {a, b});
    }

    @Test
    void aCallIsRecordedWhenItsDirectionChangesAndAgainEveryCadenceBars() {
        OutcomeTracker t = tracker(3, Duration.ofMinutes(60));
        Signal flat = Signal.flat();
        for (int m = 0; m < 8; m++) {
            // a: long on every bar; b: long, long, flat, short, short, long, ...
            Signal b = switch (m) {
                case 0, 1 -> Signal.buy(0.8);
                case 2 -> flat;
                case 3, 4 -> Signal.sell(0.6);
                default -> Signal.buy(0.7);
            };
            vote(t, bar("X", m, 100 + m), Signal.buy(0.5), b);
        }
        List<String> made = predictions.stream().map(p -> p.bot() + "@" + (p.time().getEpochSecond() - T0.getEpochSecond()) / 60 + ":" + p.direction()).toList();
        // a: bars 0, 3, 6 (every 3 bars while it stays long); b: 0 (long), 3 (short after the flat), 5 (long), then 8 would be next
        assertEquals(List.of("a@1:LONG", "b@1:LONG", "a@4:LONG", "b@4:SHORT", "b@6:LONG", "a@7:LONG"), made);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), predictions.stream().map(Prediction::id).toList());
        Prediction first = predictions.get(1);
        assertEquals(0.8, first.confidence());
        assertEquals(100, first.price());
        assertEquals(TREND, first.situation());
        assertEquals(4, situationsRead.size(), "the situation is read once per bar with new predictions");
    }

    @Test
    void eachHorizonJudgesOnTheFirstBarClosingAtOrAfterItLongAndShort() {
        OutcomeTracker t = tracker(1000, Duration.ofMinutes(2), Duration.ofMinutes(5));
        vote(t, bar("X", 0, 100), Signal.buy(1), Signal.sell(1));          // made at 00:01, close 100
        vote(t, bar("X", 1, 101), Signal.buy(1), Signal.sell(1));
        assertTrue(outcomes.isEmpty());
        vote(t, bar("X", 2, 102), Signal.buy(1), Signal.sell(1));          // closes 00:03 = 00:01 + 2m
        assertEquals(2, outcomes.size());
        PredictionOutcome longAt2 = outcomes.get(0);
        assertEquals("a", longAt2.prediction().bot());
        assertEquals(Duration.ofMinutes(2), longAt2.horizon());
        assertEquals(T0.plusSeconds(180), longAt2.time());
        assertEquals(102, longAt2.price());
        assertEquals(0.02, longAt2.move(), 1e-12);
        assertTrue(longAt2.hit());
        PredictionOutcome shortAt2 = outcomes.get(1);
        assertEquals(-0.02, shortAt2.move(), 1e-12);
        assertFalse(shortAt2.hit());
        // a gap: no bar closes at 00:06; the 5-minute horizon is judged on the first one after it (00:08, close 97)
        vote(t, bar("X", 7, 97), Signal.flat(), Signal.flat());
        assertEquals(4, outcomes.size());
        assertEquals(T0.plusSeconds(480), outcomes.get(2).time());
        assertEquals(-0.03, outcomes.get(2).move(), 1e-12);
        assertEquals(0.03, outcomes.get(3).move(), 1e-12);
        assertTrue(outcomes.get(3).hit());
    }

    @Test
    void anUnchangedPriceIsAMissAndSymbolsAreJudgedOnTheirOwnBars() {
        OutcomeTracker t = tracker(1000, Duration.ofMinutes(1));
        vote(t, bar("X", 0, 100), Signal.buy(1), Signal.flat());
        vote(t, bar("Y", 0, 50), Signal.flat(), Signal.sell(1));
        vote(t, bar("Y", 1, 50), Signal.flat(), Signal.sell(1));
        assertEquals(1, outcomes.size(), "Y's bar judges Y's prediction only");
        assertEquals("Y", outcomes.get(0).prediction().symbol());
        assertEquals(0, outcomes.get(0).move(), 1e-12);
        assertFalse(outcomes.get(0).hit(), "no move is no hit");
        vote(t, bar("X", 1, 100.5), Signal.buy(1), Signal.flat());
        assertEquals(2, outcomes.size());
        assertEquals("X", outcomes.get(1).prediction().symbol());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> tracker(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> tracker(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Prediction(1, "a", "X", T0, Direction.FLAT, 1, 1, TREND));
        assertFalse(OutcomeTracker.none().enabled());
    }
}
