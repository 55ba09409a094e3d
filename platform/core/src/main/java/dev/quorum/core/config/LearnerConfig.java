package dev.quorum.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learner of the {@code learning.learners} list with its parameters.
 *
 * @param name    unique among the learners; defaults to the learner id
 * @param learner the learner id, such as {@code meta-trust} (see ./quorum plugins list)
 * @param params  parameter values
 */
public record LearnerConfig(String name, String learner, Map<String, Object> params) implements ComponentConfig {

    /** Applies defaults and copies. */
    public LearnerConfig {
        if (learner == null || learner.isBlank()) {
            throw new IllegalArgumentException("a learners entry needs 'learner': the id of a learner (see ./quorum plugins list)");
        }
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("name '" + name + "' must hold only letters, digits, '.', '_' and '-' (at most 128)");
        }
        name = name == null ? learner : name;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String use() {
        return learner;
    }
}
