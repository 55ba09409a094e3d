package dev.quorum.core.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;

class EnsembleTest {

    private final Ensemble ensemble = new Ensemble(0.60);

    @Test
    void threeOfFiveFullConfidenceVotesReachSixtyPercent() {
        Decision d = ensemble.decide(List.of(vote("a", Signal.buy(1)), vote("b", Signal.buy(1)), vote("c", Signal.buy(1)),
                vote("d", Signal.flat()), vote("e", Signal.sell(1))));
        assertEquals(Direction.LONG, d.direction());
        assertEquals(0.6, d.consensus(), 1e-15);
        assertEquals(0.2, d.shortShare(), 1e-15);
        assertEquals(List.of("a", "b", "c"), d.voters());
    }

    @Test
    void confidenceWeighsTheVoteAndFlatVotesCountInTheDenominator() {
        // LONG share = (0.9 + 0.5) / 3 = 0.4667 < 0.60
        Decision d = ensemble.decide(List.of(vote("a", Signal.buy(0.9)), vote("b", Signal.buy(0.5)), vote("c", Signal.flat())));
        assertEquals(Direction.FLAT, d.direction());
        assertEquals(1.4 / 3, d.longShare(), 1e-15);
    }

    @Test
    void weightsScaleTheVotes() {
        // LONG share = 2·0.8 / (2 + 1) = 0.5333; SHORT = 1·1 / 3
        Decision d = ensemble.decide(List.of(new Vote("a", 2, Signal.buy(0.8)), new Vote("b", 1, Signal.sell(1))));
        assertEquals(Direction.FLAT, d.direction());
        assertEquals(1.6 / 3, d.longShare(), 1e-15);
        Decision strong = ensemble.decide(List.of(new Vote("a", 4, Signal.buy(1)), new Vote("b", 1, Signal.sell(1))));
        assertEquals(Direction.LONG, strong.direction());
        assertEquals(0.8, strong.consensus(), 1e-15);
    }

    @Test
    void exitLevelsComeFromTheMostConfidentVoterThatGivesThem() {
        Decision d = ensemble.decide(List.of(
                vote("a", Signal.buy(0.7).withStopLoss(90).withTakeProfit(120)),
                vote("b", Signal.buy(0.9).withStopLoss(95)),
                vote("c", Signal.buy(0.8).withTakeProfit(110))));
        assertEquals(Direction.LONG, d.direction());
        assertEquals(95, d.stopLoss().getAsDouble());
        assertEquals(110, d.takeProfit().getAsDouble());
    }

    @Test
    void noVotesMeansFlat() {
        assertEquals(Direction.FLAT, ensemble.decide(List.of()).direction());
    }

    private static Vote vote(String bot, Signal s) {
        return new Vote(bot, 1, s);
    }
}
