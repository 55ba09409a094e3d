package dev.quorum.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The libraries the host provides to every plugin. A plugin that bundles its own copy of one gets
 * two different classes of the same name (its {@code Strategy} is not the host's), so the host
 * refuses it instead of failing later with a confusing {@code ClassCastException}.
 */
final class HostLibraries {

    /** Package prefixes, as zip entry paths, that only the host may provide. */
    static final List<String> PREFIXES = List.of("dev/quorum/api/", "org/pf4j/", "org/slf4j/");

    private HostLibraries() {
    }

    /**
     * Looks for host classes inside a jar's bytes.
     *
     * @param jar the jar content
     * @return the first offending entry, if any
     * @throws IOException if the jar cannot be read
     */
    static Optional<String> findIn(InputStream jar) throws IOException {
        ZipInputStream zip = new ZipInputStream(jar);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (isHostClass(e.getName())) {
                return Optional.of(e.getName());
            }
        }
        return Optional.empty();
    }

    /**
     * Looks for host classes in an expanded plugin directory: {@code classes/} and {@code lib/*.jar}.
     *
     * @param pluginDir the directory PF4J loads
     * @return a description of the first conflict, such as {@code lib/quorum-api-1.0.0.jar contains dev/quorum/api/Bar.class}
     */
    static Optional<String> findInDirectory(Path pluginDir) {
        Path classes = pluginDir.resolve("classes");
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                Optional<String> hit = files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                        .filter(HostLibraries::isHostClass).findFirst();
                if (hit.isPresent()) {
                    return Optional.of("classes/ contains " + hit.get());
                }
            } catch (IOException e) {
                return Optional.of("classes/ cannot be read: " + e.getMessage());
            }
        }
        Path lib = pluginDir.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(jar)) {
                        Optional<String> hit = findIn(in);
                        if (hit.isPresent()) {
                            return Optional.of("lib/" + jar.getFileName() + " contains " + hit.get());
                        }
                    }
                }
            } catch (IOException e) {
                return Optional.of("lib/ cannot be read: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    static boolean isHostClass(String entryName) {
        return entryName.endsWith(".class") && PREFIXES.stream().anyMatch(entryName::startsWith);
    }

    static String advice() {
        return "the host provides quorum-api, pf4j and slf4j: declare them <scope>provided</scope> and rebuild the plugin";
    }
}
