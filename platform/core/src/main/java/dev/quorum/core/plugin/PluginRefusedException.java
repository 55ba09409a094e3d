package dev.quorum.core.plugin;

/** A plugin archive that cannot be installed or loaded; the message says which file and why. */
public final class PluginRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message which file, what is wrong, what to do */
    public PluginRefusedException(String message) {
        super(message);
    }

    /**
     * @param message which file, what is wrong, what to do
     * @param cause   the underlying error
     */
    public PluginRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
