package dev.quorum.core.data;

/** A market data source delivered a bar that differs from the one stored for the same symbol, timeframe and time. */
public final class CandleConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message which bar, both values, and what to do */
    public CandleConflictException(String message) {
        super(message);
    }
}
