package dev.quorum.scripting;

import org.graalvm.polyglot.HostAccess;

import dev.quorum.api.Bar;

/**
 * A closed bar as scripts see it ({@code ctx.bar}, {@code ctx.history(tf).get(i)}): read-only numbers,
 * times in epoch milliseconds. Nothing else of the host object is visible to the script.
 */
public final class ScriptBar {

    /** @see Bar#symbol() */
    @HostAccess.Export
    public final String symbol;
    /** When the bar opens, epoch milliseconds. */
    @HostAccess.Export
    public final long openTime;
    /** When the bar closes, epoch milliseconds: the earliest moment its values are known. */
    @HostAccess.Export
    public final long closeTime;
    /** The first price. */
    @HostAccess.Export
    public final double open;
    /** The highest price. */
    @HostAccess.Export
    public final double high;
    /** The lowest price. */
    @HostAccess.Export
    public final double low;
    /** The last price. */
    @HostAccess.Export
    public final double close;
    /** The traded volume, in the base asset. */
    @HostAccess.Export
    public final double volume;

    ScriptBar(Bar bar) {
        this.symbol = bar.symbol();
        this.openTime = bar.openTime().toEpochMilli();
        this.closeTime = openTime + bar.timeframe().duration().toMillis();
        this.open = bar.open();
        this.high = bar.high();
        this.low = bar.low();
        this.close = bar.close();
        this.volume = bar.volume();
    }

    @Override
    public String toString() {
        return symbol + "@" + openTime + " o=" + open + " h=" + high + " l=" + low + " c=" + close + " v=" + volume;
    }
}
