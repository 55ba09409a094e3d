package dev.quorum.api;

import org.pf4j.ExtensionPoint;

/**
 * A risk module: the extension point that sits between the ensemble's decision and the broker.
 * Modules run as a chain in configured order, each seeing the previous one's output; no signal
 * or learner can bypass the chain.
 *
 * <p>Like {@link Strategy}, the extension describes itself and creates one {@link RiskCheck} per
 * configured use, which holds any state (loss streaks, day boundaries).
 *
 * @since 1.0
 */
public interface RiskModule extends ExtensionPoint {

    /**
     * The module's id, name, description and declared parameters.
     *
     * @return the info; the same on every call
     * @since 1.0
     */
    ComponentInfo info();

    /**
     * Creates the module's state for one run.
     *
     * @param context its name in config and validated parameters
     * @return a new check, never null
     * @since 1.0
     */
    RiskCheck create(RiskContext context);
}
