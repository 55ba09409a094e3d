package dev.quorum.plugins.technical;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.api.Strategy;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bar path in steady state: the host's indicator updates allocate nothing, and a strategy
 * nothing but the {@code Signal} of a vote whose confidence is strictly between 0 and 1: flat and
 * full-confidence votes are shared, reasons are built when the bot is created. Bollinger in
 * reversion mode is left out: its signals carry exit levels, which are allocated with the signal.
 */
class BarPathAllocationTest {

    /** A {@code Signal} with shared reasons and no levels: a header and five fields, rounded up. */
    private static final long SIGNAL_BYTES = 48;
    /** What the JVM may allocate on the thread meanwhile, whatever the number of bars. */
    private static final long SLACK = 16 * 1024;

    static Stream<Arguments> bots() {
        return Stream.of(
                Arguments.of(new EMACrossoverStrategy(), new Object[] {}),
                Arguments.of(new RSIReversionStrategy(), new Object[] {}),
                Arguments.of(new MACDStrategy(), new Object[] {}),
                Arguments.of(new BollingerStrategy(), new Object[] {"mode", "breakout"}));
    }

    @ParameterizedTest
    @MethodSource("bots")
    void allocatesOnlyTheSignalsOfPartialVotes(Strategy strategy, Object[] overrides) {
        double[] closes = Reference.randomWalk(1, 40_000);
        long[] measured = run(strategy, overrides, closes);
        assertTrue(measured[1] > 1000, "partial votes: " + measured[1]);
        assertTrue(measured[0] <= measured[1] * SIGNAL_BYTES + SLACK,
                strategy.info().id() + " allocated " + measured[0] + " bytes for " + measured[1] + " partial votes");
    }

    @ParameterizedTest
    @MethodSource("bots")
    void allocatesNothingForSharedVotes(Strategy strategy, Object[] overrides) {
        // An unchanged price: every vote is a shared flat one.
        double[] closes = new double[40_000];
        Arrays.fill(closes, 7000);
        long[] measured = run(strategy, overrides, closes);
        assertTrue(measured[0] <= SLACK, strategy.info().id() + " allocated " + measured[0] + " bytes");
    }

    /** Warms the bot up (and the JIT) on 1,000 bars, then measures the rest. */
    private static long[] run(Strategy strategy, Object[] overrides, double[] closes) {
        TestHost host = TestHost.with(strategy, overrides);
        host.run(Arrays.copyOf(closes, 1000));
        long[] measured = host.allocationRunning(Arrays.copyOfRange(closes, 1000, closes.length));
        assumeTrue(measured != null, "the JVM does not measure allocation");
        return measured;
    }
}
