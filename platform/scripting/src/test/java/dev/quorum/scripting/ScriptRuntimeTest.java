package dev.quorum.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The optimizing Truffle runtime is active where it can be: JDK 25 with the flags the build and the launcher set. */
class ScriptRuntimeTest {

    @Test
    void theOptimizingRuntimeIsActiveOnJdk25() {
        assumeTrue(Runtime.version().feature() >= 25, "the Graal compiler 25.x needs JDK 25; this is " + Runtime.version());
        assertEquals("GraalVM CE", Scripts.RUNTIME.runtimeName(),
                "scripts run interpreted; the engine said: " + Scripts.RUNTIME.fallbackReason());
    }
}
