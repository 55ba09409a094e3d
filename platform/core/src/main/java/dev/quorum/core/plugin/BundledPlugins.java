package dev.quorum.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.QuorumApi;

/**
 * Keeps the plugins that ship with the distribution installed: on each start, a bundled plugin
 * that is not installed is installed, and one installed from an older bundle is replaced. A bundled
 * plugin the operator uninstalled stays uninstalled (remembered in {@code bundled.properties}).
 * Bundled plugins go through the same checks as a third party's.
 */
public final class BundledPlugins {

    private static final Logger log = LoggerFactory.getLogger(BundledPlugins.class);
    private static final String STATE_FILE = "bundled.properties";
    private static final String REMOVED = "removed";

    private final Path bundledDir;
    private final Path pluginsDir;

    /**
     * @param bundledDir where the distribution keeps its plugin zips
     * @param pluginsDir the plugins directory
     */
    public BundledPlugins(Path bundledDir, Path pluginsDir) {
        this.bundledDir = bundledDir;
        this.pluginsDir = pluginsDir;
    }

    /**
     * Installs or refreshes the bundled plugins.
     *
     * @return one line per change made, empty when nothing changed
     */
    public List<String> sync() {
        List<String> changes = new ArrayList<>();
        if (!Files.isDirectory(bundledDir)) {
            return changes;
        }
        Properties state = readState();
        PluginInstaller installer = new PluginInstaller(pluginsDir);
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(bundledDir, "*.zip")) {
            List<Path> sorted = new ArrayList<>();
            zips.forEach(sorted::add);
            sorted.sort(null);
            for (Path zip : sorted) {
                PluginDescriptorInfo d = PluginArchive.inspect(zip, QuorumApi.version()).descriptor();
                String sha = sha256(zip);
                String recorded = state.getProperty(d.id());
                if (REMOVED.equals(recorded) || sha.equals(recorded) && installer.find(d.id()).isPresent()) {
                    continue;
                }
                var installed = installer.find(d.id());
                if (installed.isPresent()) {
                    if (recorded == null) {
                        continue; // installed by the operator, not from the bundle: leave it alone
                    }
                    deleteInstalled(installed.get().path());
                    changes.add("updated bundled plugin " + d.label());
                } else {
                    changes.add("installed bundled plugin " + d.label());
                }
                installer.install(zip);
                state.setProperty(d.id(), sha);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled plugins in " + bundledDir + ": " + e.getMessage(), e);
        }
        writeState(state);
        changes.forEach(c -> log.info("{}", c));
        return changes;
    }

    /**
     * Remembers that the operator uninstalled a bundled plugin, so {@link #sync()} does not bring it back.
     *
     * @param pluginId the plugin
     */
    public void markRemoved(String pluginId) {
        Properties state = readState();
        if (state.containsKey(pluginId)) {
            state.setProperty(pluginId, REMOVED);
            writeState(state);
        }
    }

    private static void deleteInstalled(Path archive) throws IOException {
        Files.deleteIfExists(archive);
        String name = archive.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path expanded = archive.resolveSibling(dot > 0 ? name.substring(0, dot) : name);
        if (Files.isDirectory(expanded)) {
            try (var walk = Files.walk(expanded)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private Properties readState() {
        Properties p = new Properties();
        Path file = pluginsDir.resolve(STATE_FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private void writeState(Properties state) {
        Path file = pluginsDir.resolve(STATE_FILE);
        try {
            Files.createDirectories(pluginsDir);
            StringBuilder sb = new StringBuilder("# bundled plugin id = sha256 of the installed bundle, or 'removed'\n");
            new TreeMap<>(state).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Files.readAllBytes(file));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
