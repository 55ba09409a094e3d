package dev.quorum.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every bot's signal on one bar of a symbol, as the host samples them for its learners (every few bars of the
 * symbol, the same bars for every bot): what a learner comparing the bots with each other, such as a correlation
 * of their calls, reads.
 *
 * @param symbol    the instrument
 * @param time      the bar's close time (engine clock)
 * @param situation the market then
 * @param bots      the bots, in vote order (the same list on every sample of a run)
 * @param signals   their signals, in the same order; a bot kept from voting (suspended, or disabled by its
 *                  health) is FLAT
 * @since 1.4
 */
public record VoteSample(String symbol, Instant time, Situation situation, List<String> bots, List<Signal> signals) {

    /** Checks and copies. */
    public VoteSample {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(situation, "situation");
        bots = List.copyOf(bots);
        signals = List.copyOf(signals);
        if (bots.size() != signals.size()) {
            throw new IllegalArgumentException(bots.size() + " bots but " + signals.size() + " signals");
        }
    }
}
