package dev.quorum.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;

/** The parameters the host would hand a component: every declared one at its default, some overridden. */
public final class TestParameters {

    private TestParameters() {
    }

    /**
     * @param info      what the component declares
     * @param overrides name, value, name, value …; each checked against its declaration as the host does
     * @return the parameters
     * @throws IllegalArgumentException for an undeclared name or a value its declaration refuses
     */
    public static Parameters of(ComponentInfo info, Object... overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (ParameterSpec spec : info.parameters()) {
            values.put(spec.name(), spec.defaultValue());
            specs.put(spec.name(), spec);
        }
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("overrides come in name, value pairs; got " + overrides.length + " items");
        }
        for (int i = 0; i < overrides.length; i += 2) {
            String name = (String) overrides[i];
            ParameterSpec spec = specs.get(name);
            if (spec == null) {
                throw new IllegalArgumentException(info.id() + " declares no parameter " + name + " (declared: " + specs.keySet() + ")");
            }
            String problem = spec.problemWith(overrides[i + 1]);
            if (problem != null) {
                throw new IllegalArgumentException(name + ": " + problem);
            }
            values.put(name, overrides[i + 1]);
        }
        return new Parameters(values);
    }
}
