package dev.quorum.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A plugin file (zip or jar) checked without loading any of its code: it is a readable archive,
 * every entry stays inside the plugin directory, it has a descriptor with an id, a semantic
 * version and an API range this host satisfies, and it bundles no copy of a host library.
 *
 * @param file       the archive
 * @param descriptor what its descriptor says
 */
public record PluginArchive(Path file, PluginDescriptorInfo descriptor) {

    /**
     * Inspects an archive.
     *
     * @param file        a {@code .zip} or {@code .jar}
     * @param hostVersion the API version the host provides
     * @return the checked archive
     * @throws PluginRefusedException naming the file and what is wrong
     */
    public static PluginArchive inspect(Path file, String hostVersion) {
        if (!Files.isRegularFile(file)) {
            throw new PluginRefusedException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean jar = name.endsWith(".jar");
        if (!jar && !name.endsWith(".zip")) {
            throw new PluginRefusedException(file + ": not a plugin archive: expected a .zip or .jar file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(file, zip);
            PluginDescriptorInfo descriptor = readDescriptor(file, zip, jar);
            checkDescriptor(file, descriptor, hostVersion);
            checkHostLibraries(file, zip, jar, descriptor);
            return new PluginArchive(file, descriptor);
        } catch (ZipException e) {
            throw new PluginRefusedException(file + ": not a valid zip/jar archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new PluginRefusedException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void checkEntries(Path file, ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String entry = entries.nextElement().getName();
            String normal = entry.replace('\\', '/');
            boolean escapes = normal.startsWith("/") || normal.matches("^[A-Za-z]:.*")
                    || java.util.Arrays.asList(normal.split("/")).contains("..");
            if (escapes) {
                throw new PluginRefusedException(file + ": unsafe entry path '" + entry
                        + "': every entry must stay inside the plugin directory (no '..', no absolute path)");
            }
        }
    }

    private static PluginDescriptorInfo readDescriptor(Path file, ZipFile zip, boolean jar) throws IOException {
        return descriptorIn(zip, jar).orElseThrow(() -> new PluginRefusedException(file
                + ": no plugin descriptor: expected plugin.properties at the archive root"
                + (jar ? " or Plugin-Id in META-INF/MANIFEST.MF" : "")));
    }

    /**
     * Reads the descriptor of an archive: {@code plugin.properties} at its root, or for a jar the
     * {@code Plugin-*} attributes of its manifest.
     *
     * @param zip the open archive
     * @param jar whether it is a jar (may carry its descriptor in the manifest)
     * @return the descriptor, or empty if the archive has none
     * @throws IOException if the archive cannot be read
     */
    static Optional<PluginDescriptorInfo> descriptorIn(ZipFile zip, boolean jar) throws IOException {
        ZipEntry props = zip.getEntry("plugin.properties");
        if (props != null) {
            try (InputStream in = zip.getInputStream(props)) {
                return Optional.of(fromProperties(in));
            }
        }
        ZipEntry manifestEntry = jar ? zip.getEntry("META-INF/MANIFEST.MF") : null;
        if (manifestEntry != null) {
            Attributes a;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                a = new Manifest(in).getMainAttributes();
            }
            if (a.getValue("Plugin-Id") != null) {
                return Optional.of(new PluginDescriptorInfo(trim(a.getValue("Plugin-Id")), trim(a.getValue("Plugin-Version")),
                        trim(a.getValue("Plugin-Requires")), trim(a.getValue("Plugin-Provider")),
                        trim(a.getValue("Plugin-Description"))));
            }
        }
        return Optional.empty();
    }

    /**
     * @param in a {@code plugin.properties} stream
     * @return the descriptor it holds (missing fields empty)
     * @throws IOException if it cannot be read
     */
    static PluginDescriptorInfo fromProperties(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return new PluginDescriptorInfo(trim(p.getProperty("plugin.id")), trim(p.getProperty("plugin.version")),
                trim(p.getProperty("plugin.requires")), trim(p.getProperty("plugin.provider")),
                trim(p.getProperty("plugin.description")));
    }

    private static void checkDescriptor(Path file, PluginDescriptorInfo d, String hostVersion) {
        if (d.id().isEmpty() || !d.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new PluginRefusedException(file + ": descriptor field plugin.id = '" + d.id()
                    + "' is not valid: expected letters, digits, '.', '_' or '-'");
        }
        if (!ApiCompatibility.isSemanticVersion(d.version())) {
            throw new PluginRefusedException(file + ": descriptor field plugin.version = '" + d.version()
                    + "' is not a semantic version: expected MAJOR.MINOR.PATCH like 1.0.0");
        }
        String problem = ApiCompatibility.problem(d, hostVersion);
        if (problem != null) {
            throw new PluginRefusedException(file + ": " + problem);
        }
    }

    private static void checkHostLibraries(Path file, ZipFile zip, boolean jar, PluginDescriptorInfo d) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            Optional<String> hit = Optional.empty();
            if (jar || e.getName().startsWith("classes/")) {
                String className = jar ? e.getName() : e.getName().substring("classes/".length());
                hit = HostLibraries.isHostClass(className) ? Optional.of(e.getName()) : Optional.empty();
            } else if (e.getName().startsWith("lib/") && e.getName().endsWith(".jar")) {
                try (InputStream in = zip.getInputStream(e)) {
                    hit = HostLibraries.findIn(in).map(inner -> e.getName() + " contains " + inner);
                }
            }
            if (hit.isPresent()) {
                throw new PluginRefusedException(file + ": plugin " + d.label() + " bundles a copy of a host library ("
                        + hit.get() + "); " + HostLibraries.advice());
            }
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
