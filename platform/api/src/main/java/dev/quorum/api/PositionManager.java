package dev.quorum.api;

import org.pf4j.ExtensionPoint;

/**
 * A position manager: the extension point that runs a position's exits once it is open, independently
 * of the signals. It sets where a new position's stop-loss and take-profit start, then, on every bar of
 * the symbol while the position is open, may tighten the stop (trailing, break-even), move the target
 * (layered take-profit) or close the position (time exit).
 *
 * <p>The host enforces what matters: a stop-loss only ever tightens (a long's never moves down, a
 * short's never up) and stays on the loss side of the price; a take-profit stays on the profit side; a
 * manager never opens, enlarges or reverses a position (it has no way to). An update that breaks a rule
 * is refused and counted against the plugin, and the position keeps its levels; a manager that throws
 * is counted the same way. One manager runs per configuration ({@code positions.manager}); without one,
 * positions keep the levels they were opened with ({@code engine.stopLoss}, {@code engine.takeProfit}
 * or the voters' own).
 *
 * @since 1.2
 */
public interface PositionManager extends ExtensionPoint {

    /**
     * The manager's id, name, description and declared parameters.
     *
     * @return the info; the same on every call
     * @since 1.2
     */
    ComponentInfo info();

    /**
     * Creates the manager's state for one run.
     *
     * @param context its name in config, validated parameters and market data
     * @return a new policy, never null
     * @throws ParameterException for a parameter value it cannot use
     * @since 1.2
     */
    PositionPolicy create(PositionContext context);
}
