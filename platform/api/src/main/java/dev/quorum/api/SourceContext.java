package dev.quorum.api;

import java.time.Clock;
import java.util.Objects;

/**
 * What the host hands a {@link MarketDataSource} with each query: the parameters the operator configured for it
 * ({@code data.source.params}, checked against the source's declared {@link ComponentInfo#parameters()}), and the
 * host's clock, which a live source reads to tell a closed bar from the one still forming. Read "now" from this
 * clock, never from {@code System.currentTimeMillis()}: tests and simulations run the host on another clock.
 *
 * @param parameters the validated parameter values, defaults filled in
 * @param clock      the host's wall clock
 * @since 1.5
 */
public record SourceContext(Parameters parameters, Clock clock) {

    /** Checks that both are given. */
    public SourceContext {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(clock, "clock");
    }
}
