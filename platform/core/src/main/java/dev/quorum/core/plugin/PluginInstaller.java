package dev.quorum.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
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
        try {
            if (Files.isDirectory(entry)) {
                Path props = entry.resolve("plugin.properties");
                if (Files.isRegularFile(props) && !Files.exists(entry.resolveSibling(name + ".zip"))) {
                    try (InputStream in = Files.newInputStream(props)) {
                        return of(load(in), entry);
                    }
                }
            } else if (name.endsWith(".zip") || name.endsWith(".jar")) {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    var props = zip.getEntry("plugin.properties");
                    if (props != null) {
                        try (InputStream in = zip.getInputStream(props)) {
                            return of(load(in), entry);
                        }
                    }
                    var manifest = zip.getEntry("META-INF/MANIFEST.MF");
                    if (manifest != null) {
                        try (InputStream in = zip.getInputStream(manifest)) {
                            var a = new java.util.jar.Manifest(in).getMainAttributes();
                            if (a.getValue("Plugin-Id") != null) {
                                return Optional.of(new Installed(a.getValue("Plugin-Id").trim(),
                                        String.valueOf(a.getValue("Plugin-Version")).trim(), entry));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("cannot read installed plugin {}: {}", entry, e.getMessage());
        }
        return Optional.empty();
    }

    private static Properties load(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return p;
    }

    private static Optional<Installed> of(Properties p, Path path) {
        String id = p.getProperty("plugin.id");
        return id == null ? Optional.empty()
                : Optional.of(new Installed(id.trim(), String.valueOf(p.getProperty("plugin.version")).trim(), path));
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
