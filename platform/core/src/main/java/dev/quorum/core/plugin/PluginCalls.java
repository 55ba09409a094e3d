package dev.quorum.core.plugin;

/**
 * What the host does with a throwable from plugin code: everything is the plugin's failure, to be
 * counted and contained, except the JVM running out of memory or stack-independent resources
 * ({@link VirtualMachineError} other than a stack overflow), which no plugin boundary can contain.
 */
public final class PluginCalls {

    private PluginCalls() {
    }

    /**
     * Rethrows a throwable that must not be contained.
     *
     * @param t what plugin code threw
     */
    public static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
    }

    /**
     * @param t what plugin code threw
     * @return {@code SimpleName: message}
     */
    public static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
