package dev.quorum.api;

import org.pf4j.ExtensionPoint;

/**
 * A learner: the extension point that turns signals and outcomes into per-bot weights for the
 * ensemble. Every closed trade reaches every learner; the ensemble combines their weights.
 *
 * @since 1.0
 */
public interface Learner extends ExtensionPoint {

    /**
     * The learner's id, name, description and declared parameters.
     *
     * @return the info; the same on every call
     * @since 1.0
     */
    ComponentInfo info();

    /**
     * Creates the learner's state for a run; it may restore earlier state from
     * {@link LearnerContext#state()}.
     *
     * @param context name, parameters, bots and a state store
     * @return a new instance, never null
     * @since 1.0
     */
    LearnerInstance create(LearnerContext context);
}
