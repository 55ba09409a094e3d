package dev.quorum.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real plugin zips the Maven build made earlier in the reactor (bundled plugins, the template
 * and the broken fixtures), copied by maven-dependency-plugin to {@code target/test-plugins/<artifactId>.zip}.
 */
public final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * @param artifactId such as {@code technical} or {@code failing-start}
     * @return the zip built by the reactor
     */
    public static Path zip(String artifactId) {
        String dir = System.getProperty("quorum.testPlugins");
        if (dir == null) {
            throw new IllegalStateException("system property quorum.testPlugins is not set: run the tests through Maven");
        }
        Path zip = Path.of(dir, artifactId + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no plugin zip " + zip + ": was the reactor built (mvn verify from the root)?");
        }
        return zip;
    }

    /**
     * Copies plugin zips into a plugins directory, as an operator would.
     *
     * @param pluginsDir the directory
     * @param artifactIds the plugins
     * @return the directory
     * @throws IOException if copying fails
     */
    public static Path install(Path pluginsDir, String... artifactIds) throws IOException {
        Files.createDirectories(pluginsDir);
        for (String id : artifactIds) {
            Files.copy(zip(id), pluginsDir.resolve(id + ".zip"));
        }
        return pluginsDir;
    }

    /** @return the embedded candle directory of the repository */
    public static Path dataDir() {
        return Path.of(System.getProperty("quorum.dataDir"));
    }
}
