package dev.quorum.core.store;

/**
 * The relational store failed: it could not be opened or migrated, or a statement failed. The
 * message names the database or the data concerned and the cause.
 */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the database or data concerned and the cause
     * @param cause   the underlying exception
     */
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
