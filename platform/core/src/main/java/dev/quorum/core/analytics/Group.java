package dev.quorum.core.analytics;

/**
 * The trades of one group (an hour of the day, a weekday, a symbol, a bot, a regime).
 *
 * @param trades  number of trades
 * @param wins    trades with {@code pnl > 0}
 * @param netPnl  sum of their PnL after fees
 * @param fees    sum of their fees
 */
public record Group(int trades, int wins, double netPnl, double fees) {

    /** No trades. */
    public static final Group EMPTY = new Group(0, 0, 0, 0);

    /** @return wins over trades; NaN without trades */
    public double winRate() {
        return trades == 0 ? Double.NaN : (double) wins / trades;
    }

    Group plus(double pnl, double fee) {
        return new Group(trades + 1, wins + (pnl > 0 ? 1 : 0), netPnl + pnl, fees + fee);
    }
}
