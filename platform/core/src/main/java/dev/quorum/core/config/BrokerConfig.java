package dev.quorum.core.config;

/**
 * The paper broker.
 *
 * @param feeRate the fee per side as a fraction of the fill's notional, in [0, 0.1]; default 0.001 (0.1%)
 */
public record BrokerConfig(Double feeRate) {

    /** Applies defaults and checks ranges. */
    public BrokerConfig {
        feeRate = Check.range("broker.feeRate", feeRate, 0.001, 0, 0.1, false);
    }

    /** @return the defaults */
    public static BrokerConfig defaults() {
        return new BrokerConfig(null);
    }
}
