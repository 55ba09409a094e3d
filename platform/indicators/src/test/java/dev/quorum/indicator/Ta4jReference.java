package dev.quorum.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import dev.quorum.api.Timeframe;

/**
 * Base of the tests that check an indicator family against ta4j 0.24.1 on the real BTC-USD and
 * ETH-USD 1-minute candles: loads both files, and builds their ta4j series, once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Ta4jReference {

    private Map<String, Market> markets;

    @BeforeAll
    void loadMarkets() {
        markets = Market.loadAll();
    }

    Market market(String name) {
        return markets.get(name);
    }

    static IndicatorLibrary library() {
        return new IndicatorLibrary(Timeframe.M1);
    }

    static ClosePriceIndicator close(Market market) {
        return new ClosePriceIndicator(market.series());
    }

    /** Every market with every parameter set: {@code (market, p...)}. */
    static Stream<Arguments> cases(Object[]... parameterSets) {
        List<Arguments> all = new ArrayList<>();
        for (String file : Market.FILES) {
            String market = file.split("_")[1];
            for (Object[] set : parameterSets) {
                Object[] args = new Object[set.length + 1];
                args[0] = market;
                System.arraycopy(set, 0, args, 1, set.length);
                all.add(Arguments.of(args));
            }
        }
        return all.stream();
    }

    static Object[] p(Object... values) {
        return values;
    }
}
