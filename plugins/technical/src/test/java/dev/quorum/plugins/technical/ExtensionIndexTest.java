package dev.quorum.plugins.technical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PF4J finds extensions only through META-INF/extensions.idx, written by its annotation processor. */
class ExtensionIndexTest {

    @Test
    void indexesEveryStrategyAndTheReportSection() throws IOException {
        // All copies on the class path, as PF4J reads them: the processor also writes an empty
        // index for the test classes, which comes first.
        Set<String> indexed = new HashSet<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .forEach(indexed::add);
            }
        }
        assertEquals(Set.of(EMACrossoverStrategy.class.getName(), RSIReversionStrategy.class.getName(),
                MACDStrategy.class.getName(), BollingerStrategy.class.getName(), TechnicalReportSection.class.getName()), indexed);
    }
}
