package com.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.Direction;
import dev.quorum.api.MarketView;
import dev.quorum.api.Parameters;
import dev.quorum.api.Position;
import dev.quorum.api.Signal;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests a strategy without a host: build a context, feed closes, look at the votes. */
class HelloStrategyTest {

    private static List<Signal> run(int lookback, double... closes) {
        Parameters parameters = new Parameters(Map.of("lookback", lookback, "confidence", 0.6));
        StrategyInstance bot = new HelloStrategy()
                .create(StrategyContext.of("hello", "BTC-USD", Timeframe.M1, parameters));
        List<Signal> signals = new ArrayList<>();
        Instant time = Instant.parse("2024-01-01T00:00:00Z");
        for (double close : closes) {
            Bar bar = new Bar("BTC-USD", Timeframe.M1, time, close, close, close, close, 1);
            signals.add(bot.onBar(view(bar)));
            time = bar.closeTime();
        }
        return signals;
    }

    /** The smallest MarketView that works: this strategy only reads bar(). */
    private static MarketView view(Bar bar) {
        return new MarketView() {
            @Override
            public String symbol() {
                return bar.symbol();
            }

            @Override
            public Instant now() {
                return bar.closeTime();
            }

            @Override
            public Bar bar() {
                return bar;
            }

            @Override
            public BarHistory history() {
                throw new UnsupportedOperationException("not used by HelloStrategy");
            }

            @Override
            public Optional<Position> position() {
                return Optional.empty();
            }
        };
    }

    @Test
    void isFlatUntilItHasSeenLookbackPlusOneBars() {
        List<Signal> signals = run(3, 100, 101, 102);
        signals.forEach(s -> assertEquals(Direction.FLAT, s.direction()));
        assertEquals(List.of("warming up: 3/4 bars"), signals.getLast().reasons());
    }

    @Test
    void comparesWithTheCloseLookbackBarsAgo() {
        //                           bar:  1    2    3    4    5   6    7
        List<Signal> signals = run(3, 100, 105, 90, 101, 104, 99, 101);
        assertEquals(Direction.LONG, signals.get(3).direction());  // 101 > 100
        assertEquals(0.6, signals.get(3).confidence());
        assertEquals(List.of("close 101.00 vs 100.00 3 bars ago"), signals.get(3).reasons());
        assertEquals(Direction.SHORT, signals.get(4).direction()); // 104 < 105
        assertEquals(Direction.LONG, signals.get(5).direction());  // 99 > 90
        assertEquals(Direction.FLAT, signals.get(6).direction());  // 101 = 101
    }

    @Test
    void aLookbackOfOneComparesWithThePreviousBar() {
        List<Signal> signals = run(1, 100, 99, 99.5);
        assertEquals(Direction.FLAT, signals.get(0).direction());
        assertEquals(Direction.SHORT, signals.get(1).direction());
        assertEquals(Direction.LONG, signals.get(2).direction());
    }
}
