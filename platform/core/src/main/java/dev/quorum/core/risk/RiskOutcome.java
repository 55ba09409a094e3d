package dev.quorum.core.risk;

import java.util.List;
import java.util.Optional;

import dev.quorum.api.OrderIntent;

/**
 * The result of running an intent through the chain.
 *
 * @param approved the intent as it may go to the broker, or empty when a module rejected it
 * @param steps    what each module did, in order (stops at the rejecting one)
 */
public record RiskOutcome(Optional<OrderIntent> approved, List<RiskStep> steps) {

    /** Copies. */
    public RiskOutcome {
        steps = List.copyOf(steps);
    }

    /** @return the steps as one line, "; "-separated */
    public String notes() {
        if (steps.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        for (RiskStep step : steps) {
            line.append(line.isEmpty() ? "" : "; ").append(step.describe());
        }
        return line.toString();
    }
}
