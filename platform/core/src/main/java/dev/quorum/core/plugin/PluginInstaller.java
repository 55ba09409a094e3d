package dev.quorum.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.QuorumApi;

/**
 * Installs a plugin archive into the plugins directory, offline (no plugin code runs): the archive
 * is checked by {@link PluginArchive#inspect}, refused if its id is already installed, then copied
 * under a temporary name and moved into place, so a failure leaves the directory as it was.
 */
public final class PluginInstaller {

    private static final Logger log = LoggerFactory.getLogger(PluginInstaller.class);

    private final Path pluginsDir;

    /** @param pluginsDir the plugins directory; created if missing */
    public PluginInstaller(Path pluginsDir) {
        this.pluginsDir = pluginsDir;
    }

    /**
     * Validates and installs.
     *
     * @param archive a plugin {@code .zip} or {@code .jar}
     * @return the installed archive's descriptor and new path
     * @throws PluginRefusedException when the file is not an acceptable plugin or its id is taken
     */
    public PluginArchive install(Path archive) {
        PluginArchive checked = PluginArchive.inspect(archive, QuorumApi.version());
        PluginDescriptorInfo d = checked.descriptor();
        Optional<Installed> existing = find(d.id());
        if (existing.isPresent()) {
            throw new PluginRefusedException(archive + ": plugin '" + d.id() + "' is already installed (version "
                    + existing.get().version() + ", " + existing.get().path() + "); uninstall it first with ./quorum plugins uninstall " + d.id());
        }
        String extension = archive.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar") ? ".jar" : ".zip";
        Path target = pluginsDir.resolve(d.id() + "-" + d.version() + extension);
        try {
            Files.createDirectories(pluginsDir);
            Path temp = Files.createTempFile(pluginsDir, ".installing-", ".tmp");
            try {
                Files.copy(archive, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PluginRefusedException(archive + ": cannot copy into " + pluginsDir + ": " + e.getMessage(), e);
        }
        log.info("[plugin {}] installed {} as {}", d.id(), d.version(), target);
        return new PluginArchive(target, d);
    }

    /**
     * Finds an installed plugin by id without loading it.
     *
     * @param pluginId the id
     * @return its version and path, if installed
     */
    public Optional<Installed> find(String pluginId) {
        if (!Files.isDirectory(pluginsDir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(pluginsDir)) {
            for (Path entry : entries) {
                Optional<Installed> hit = read(entry).filter(i -> i.id().equals(pluginId));
                if (hit.isPresent()) {
                    return hit;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + pluginsDir + ": " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    private static Optional<Installed> read(Path entry) {
        String name = entry.getFileName().toString();
        Optional<PluginDescriptorInfo> descriptor = Optional.empty();
        try {
            if (Files.isDirectory(entry)) {
                Path props = entry.resolve("plugin.properties");
                // an expanded zip is found through its archive; only a bare directory counts on its own
                if (Files.isRegularFile(props) && !Files.exists(entry.resolveSibling(name + ".zip"))) {
                    try (InputStream in = Files.newInputStream(props)) {
                        descriptor = Optional.of(PluginArchive.fromProperties(in));
                    }
                }
            } else if (name.endsWith(".zip") || name.endsWith(".jar")) {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    descriptor = PluginArchive.descriptorIn(zip, name.endsWith(".jar"));
                }
            }
        } catch (IOException e) {
            log.warn("cannot read installed plugin {}: {}", entry, e.getMessage());
        }
        return descriptor.filter(d -> !d.id().isEmpty()).map(d -> new Installed(d.id(), d.version(), entry));
    }

    /**
     * An installed plugin found on disk.
     *
     * @param id      its id
     * @param version its version
     * @param path    the archive or directory
     */
    public record Installed(String id, String version, Path path) {
    }
}
