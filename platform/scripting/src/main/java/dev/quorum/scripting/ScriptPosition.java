package dev.quorum.scripting;

import org.graalvm.polyglot.HostAccess;

import dev.quorum.api.Position;

/** The open position on the script's symbol as scripts see it ({@code ctx.position}, null when flat). */
public final class ScriptPosition {

    /** {@code "LONG"} or {@code "SHORT"}. */
    @HostAccess.Export
    public final String direction;
    /** Units held, {@code > 0}. */
    @HostAccess.Export
    public final double quantity;
    /** Average entry price. */
    @HostAccess.Export
    public final double entryPrice;
    /** When the first entry filled, epoch milliseconds. */
    @HostAccess.Export
    public final long entryTime;
    /** The stop-loss level, or NaN without one. */
    @HostAccess.Export
    public final double stopLoss;
    /** The take-profit level, or NaN without one. */
    @HostAccess.Export
    public final double takeProfit;

    ScriptPosition(Position p) {
        this.direction = p.direction().name();
        this.quantity = p.quantity();
        this.entryPrice = p.entryPrice();
        this.entryTime = p.entryTime().toEpochMilli();
        this.stopLoss = p.stopLoss().orElse(Double.NaN);
        this.takeProfit = p.takeProfit().orElse(Double.NaN);
    }
}
