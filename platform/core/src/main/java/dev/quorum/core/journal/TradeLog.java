package dev.quorum.core.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.quorum.api.Trade;

/**
 * The canonical serialisation of a run's trades and its SHA-256: one header line
 * {@code quorum-trade-log v1}, then one line per trade in id order with the fields separated by
 * {@code |}; numbers in Java's shortest round-trip decimal form ({@link Double#toString(double)}),
 * times as ISO-8601 UTC, bots joined by {@code +}; a hedge's line ends in {@code |hedge}. The same trades always give the same bytes, so
 * two runs with the same data, config and seed give the same hash.
 */
public final class TradeLog {

    private TradeLog() {
    }

    /**
     * @param trades the run's trades
     * @return the canonical text
     */
    public static String canonical(List<Trade> trades) {
        StringBuilder sb = new StringBuilder("quorum-trade-log v1\n");
        for (Trade t : trades) {
            sb.append(t.id()).append('|').append(t.symbol()).append('|').append(t.direction()).append('|')
                    .append(t.quantity()).append('|').append(t.entryTime()).append('|').append(t.entryPrice()).append('|')
                    .append(t.exitTime()).append('|').append(t.exitPrice()).append('|').append(t.fees()).append('|')
                    .append(t.pnl()).append('|').append(t.exitReason()).append('|').append(String.join("+", t.bots()))
                    .append(t.hedge() ? "|hedge" : "").append('\n');
        }
        return sb.toString();
    }

    /**
     * @param trades the run's trades
     * @return the lower-case hex SHA-256 of {@link #canonical(List)} in UTF-8
     */
    public static String sha256(List<Trade> trades) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical(trades).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
