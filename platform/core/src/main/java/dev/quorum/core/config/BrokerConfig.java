package dev.quorum.core.config;

import java.util.Locale;

/**
 * The paper broker: fees and slippage. Fees are a fraction of each fill's notional
 * ({@code quantity × price}); a limit fill (it rested and provided liquidity) pays the maker fee, a
 * market or stop fill (it took liquidity) the taker fee.
 *
 * @param makerFee the fee of limit fills (take-profit exits), in [0, 0.1]; default 0.001 (0.1%)
 * @param takerFee the fee of market and stop fills (entries, signal exits, stop-loss exits, the
 *                 end-of-data close), in [0, 0.1]; default 0.001 (0.1%)
 * @param slippage the slippage model; default none
 */
public record BrokerConfig(Double makerFee, Double takerFee, SlippageConfig slippage) {

    /** Applies defaults and checks ranges. */
    public BrokerConfig {
        makerFee = Check.range("broker.makerFee", makerFee, 0.001, 0, 0.1, false);
        takerFee = Check.range("broker.takerFee", takerFee, 0.001, 0, 0.1, false);
        slippage = slippage == null ? SlippageConfig.none() : slippage;
    }

    /** @return the defaults */
    public static BrokerConfig defaults() {
        return new BrokerConfig(null, null, null);
    }

    /**
     * @return a one-line description for the run header, such as {@code fee 0.100% per side} (equal fees,
     *         no slippage) or {@code fees 0.020% maker / 0.050% taker; slippage fixed 5 bps}
     */
    public String describe() {
        String fees = makerFee.equals(takerFee)
                ? String.format(Locale.ROOT, "fee %.3f%% per side", takerFee * 100)
                : String.format(Locale.ROOT, "fees %.3f%% maker / %.3f%% taker", makerFee * 100, takerFee * 100);
        return slippage.model().equals("none") ? fees : fees + "; " + slippage.describe();
    }
}
