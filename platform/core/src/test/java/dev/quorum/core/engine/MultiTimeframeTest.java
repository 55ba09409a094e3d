package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.BarHistory;
import dev.quorum.api.Fill;
import dev.quorum.api.Signal;
import dev.quorum.api.Timeframe;
import dev.quorum.core.RealCandles;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.risk.RiskChain;

/**
 * No look-ahead on real candles: at every base bar, the 15-minute and 1-hour bars a strategy can see
 * are exactly an offline aggregation of the base bars up to that bar, keeping only buckets that have
 * ended by the bar's close. LTC-USD 2018-04-04..06 has gaps, including a 429-minute one, so buckets
 * that end inside a gap are covered too.
 */
class MultiTimeframeTest {

    private static final Instant FROM = Instant.parse("2018-04-04T00:00:00Z");
    private static final Instant TO = Instant.parse("2018-04-07T00:00:00Z");

    @Test
    void higherTimeframeBarsAreVisibleExactlyWhenTheyHaveClosed() {
        List<Bar> bars = RealCandles.read("coinbase_LTC-USD_1m.csv", "LTC-USD", Timeframe.M1, FROM, TO);
        List<List<Bar>> seen15 = new ArrayList<>();
        List<List<Bar>> seen60 = new ArrayList<>();
        Bot recorder = new Bot("recorder", "recorder", "test", Map.of("LTC-USD", view -> {
            seen15.add(newestFirst(view.history(Timeframe.M15)));
            seen60.add(newestFirst(view.history(Timeframe.H1)));
            return Signal.flat();
        }), 5, (p, w, e) -> { });
        SymbolFeed feed = new SymbolFeed("LTC-USD", Timeframe.M1, List.of(Timeframe.M15, Timeframe.H1), 10_000);
        new Backtest(new EngineConfig(null, null, null, null, 10_000, null, null), List.of(recorder),
                new RiskChain(List.of(), (p, w, e) -> { }), Map.of("LTC-USD", feed), new PaperBroker(0.001), new NullSink())
                .run(BarStream.of(bars.iterator()), ProgressListener.NONE);

        assertEquals(bars.size(), seen15.size());
        int peekWouldDiffer = 0;
        for (int i = 0; i < bars.size(); i++) {
            Instant now = bars.get(i).closeTime();
            assertEquals(offline(bars.subList(0, i + 1), Timeframe.M15, now), seen15.get(i), "15m at bar " + i + " " + now);
            assertEquals(offline(bars.subList(0, i + 1), Timeframe.H1, now), seen60.get(i), "1h at bar " + i + " " + now);
            // a strategy that peeked (saw the bucket still forming, with bars not yet closed) would see more
            if (!offline(bars.subList(0, i + 1), Timeframe.M15, Instant.MAX).equals(seen15.get(i))) {
                peekWouldDiffer++;
            }
        }
        assertTrue(peekWouldDiffer > bars.size() / 2, "the comparison can tell a peek from no peek: " + peekWouldDiffer);
        assertTrue(seen15.get(bars.size() - 1).size() > 250, "three days of 15-minute bars");
    }

    /** Aggregates bars into epoch-aligned buckets, oldest first, keeping buckets that end by {@code now}. */
    private static List<Bar> offline(List<Bar> bars, Timeframe tf, Instant now) {
        long seconds = tf.duration().getSeconds();
        TreeMap<Long, List<Bar>> buckets = new TreeMap<>();
        for (Bar b : bars) {
            buckets.computeIfAbsent(Math.floorDiv(b.openTime().getEpochSecond(), seconds) * seconds, k -> new ArrayList<>()).add(b);
        }
        List<Bar> result = new ArrayList<>();
        buckets.forEach((start, in) -> {
            if (now == Instant.MAX || start + seconds <= now.getEpochSecond()) {
                double high = in.stream().mapToDouble(Bar::high).max().orElseThrow();
                double low = in.stream().mapToDouble(Bar::low).min().orElseThrow();
                double volume = 0;
                for (Bar b : in) {
                    volume += b.volume();
                }
                result.add(new Bar(in.get(0).symbol(), tf, Instant.ofEpochSecond(start), in.get(0).open(), high, low,
                        in.get(in.size() - 1).close(), volume));
            }
        });
        return result;
    }

    private static List<Bar> newestFirst(BarHistory history) {
        List<Bar> bars = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            bars.add(history.get(i));
        }
        return bars;
    }

    private static final class NullSink implements RunSink {
        @Override
        public void onEntry(Fill fill) {
        }

        @Override
        public void onExit(Fill fill, ClosedTrade trade) {
        }
    }
}
