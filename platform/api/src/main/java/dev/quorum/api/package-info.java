/**
 * The Quorum plugin API: the extension points a plugin implements ({@link dev.quorum.api.Strategy},
 * {@link dev.quorum.api.Learner}, {@link dev.quorum.api.RiskModule}, {@link dev.quorum.api.MarketDataSource},
 * {@link dev.quorum.api.Broker}, {@link dev.quorum.api.Notifier}, {@link dev.quorum.api.ReportSection})
 * and the immutable values that cross it.
 *
 * <p>Null policy: no method returns null and no record accepts null for a component unless its
 * Javadoc says so; optional values are {@link java.util.Optional} or {@link java.util.OptionalDouble}.
 * Prices are in the quote currency, quantities in units of the base asset, times are UTC
 * {@link java.time.Instant}s on the engine clock.
 *
 * @since 1.0
 */
package dev.quorum.api;
