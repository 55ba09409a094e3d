package dev.quorum.core.engine;

/**
 * How one bot fared in a run.
 *
 * @param bot         its name
 * @param strategy    the strategy id
 * @param pluginId    the plugin providing it
 * @param signals     signals it returned that the engine accepted
 * @param errors      exceptions, null or faulty signals
 * @param suspended   whether it was suspended for the rest of the run
 * @param lastError   the last error, empty if none
 */
public record BotReport(String bot, String strategy, String pluginId, long signals, int errors, boolean suspended,
                        String lastError) {
}
