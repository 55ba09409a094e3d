package dev.quorum.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.TestPlugins;

/**
 * Installing plugin archives: the template installs and loads; every bad archive is refused with a
 * message that names the file and the problem, and the installed plugins are left exactly as they were.
 */
class PluginInstallerTest {

    @TempDir
    Path dir;

    private Path plugins;
    private PluginInstaller installer;

    @BeforeEach
    void installTechnical() {
        plugins = dir.resolve("plugins");
        installer = new PluginInstaller(plugins);
        installer.install(TestPlugins.zip("technical"));
    }

    @Test
    void theTemplatePluginInstallsAndItsStrategyLoads() {
        PluginArchive installed = installer.install(TestPlugins.zip("hello-strategy"));
        assertEquals("hello-strategy", installed.descriptor().id());
        assertEquals(plugins.resolve("hello-strategy-1.0.0.zip"), installed.file());
        try (PluginHost host = PluginHost.start(plugins)) {
            assertTrue(host.strategies().stream().anyMatch(s -> s.info().id().equals("hello-momentum")));
        }
    }

    @Test
    void aJarPluginWithItsDescriptorInsideInstallsAndLoads() throws IOException {
        // a single-jar plugin: the template's classes with plugin.properties at the jar root
        Path jar = dir.resolve("hello.jar");
        try (ZipFile zip = new ZipFile(TestPlugins.zip("hello-strategy").toFile());
             OutputStream os = Files.newOutputStream(jar);
             ZipOutputStream out = new ZipOutputStream(os)) {
            out.putNextEntry(new ZipEntry("plugin.properties"));
            zip.getInputStream(zip.getEntry("plugin.properties")).transferTo(out);
            out.closeEntry();
            try (java.util.zip.ZipInputStream classes = new java.util.zip.ZipInputStream(
                    zip.getInputStream(zip.getEntry("lib/hello-strategy-1.0.0.jar")))) {
                for (ZipEntry e = classes.getNextEntry(); e != null; e = classes.getNextEntry()) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    classes.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        PluginArchive installed = installer.install(jar);
        assertEquals(plugins.resolve("hello-strategy-1.0.0.jar"), installed.file());
        try (PluginHost host = PluginHost.start(plugins)) {
            assertTrue(host.strategies().stream().anyMatch(s -> s.info().id().equals("hello-momentum")));
        }
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws IOException {
        Path notZip = dir.resolve("notes.zip");
        Files.writeString(notZip, "this is not a zip archive");
        assertRefused(notZip, "not a valid zip/jar archive");
    }

    @Test
    void anArchiveWithoutDescriptorIsRefused() throws IOException {
        Path zip = rewrite("no-descriptor.zip", name -> !name.equals("plugin.properties"), null);
        assertRefused(zip, "no plugin descriptor: expected plugin.properties at the archive root");
    }

    @Test
    void anIdThatIsAlreadyInstalledIsRefused() {
        String message = assertRefused(TestPlugins.zip("technical"), "plugin 'technical' is already installed");
        assertTrue(message.contains("uninstall it first"), message);
    }

    @Test
    void aPluginRequiringAFutureApiIsRefusedNamingBothVersions() {
        String message = assertRefused(TestPlugins.zip("future-api"), "requires quorum-api '>=99.0.0'");
        assertTrue(message.contains("'fixture-future-api'"), message);
        assertTrue(message.contains("this host provides quorum-api " + dev.quorum.api.QuorumApi.version()), message);
    }

    @Test
    void anArchiveThatStatesNoApiRangeIsRefused() throws IOException {
        Path zip = dir.resolve("no-range.zip");
        try (ZipFile source = new ZipFile(TestPlugins.zip("risk-basic").toFile());
             OutputStream os = Files.newOutputStream(zip);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : java.util.Collections.list(source.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("plugin.properties")) {
                    String props = new String(source.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    out.write(props.replaceAll("(?m)^plugin\\.requires=.*$", "").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                } else {
                    source.getInputStream(e).transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertRefused(zip, "states no API range (plugin.requires)");
    }

    @Test
    void anArchiveWithAPathOutsideThePluginDirectoryIsRefused() throws IOException {
        Path zip = rewrite("zip-slip.zip", name -> true, "../evil.txt");
        assertRefused(zip, "unsafe entry path '../evil.txt'");
        assertTrue(Files.notExists(plugins.getParent().resolve("evil.txt")));
    }

    @Test
    void aPluginBundlingAHostLibraryIsRefused() {
        assertRefused(TestPlugins.zip("bundled-api"), "bundles a copy of a host library (lib/quorum-api-" + dev.quorum.api.QuorumApi.version() + ".jar contains dev/quorum/api/");
    }

    @Test
    void aFileThatIsNeitherZipNorJarIsRefused() throws IOException {
        Path txt = dir.resolve("plugin.txt");
        Files.writeString(txt, "x");
        assertRefused(txt, "expected a .zip or .jar file");
    }

    private String assertRefused(Path archive, String expected) {
        List<String> before = listing();
        PluginRefusedException e = assertThrows(PluginRefusedException.class, () -> installer.install(archive));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(archive.toString()), "names the file: " + e.getMessage());
        assertEquals(before, listing(), "installed plugins must be untouched");
        return e.getMessage();
    }

    private List<String> listing() {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the risk-basic zip, keeping entries that pass the filter and optionally adding one more entry. */
    private Path rewrite(String name, java.util.function.Predicate<String> keep, String extraEntry) throws IOException {
        Path target = dir.resolve(name);
        try (ZipFile source = new ZipFile(TestPlugins.zip("risk-basic").toFile());
             OutputStream os = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : java.util.Collections.list(source.entries())) {
                if (keep.test(e.getName())) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    source.getInputStream(e).transferTo(out);
                    out.closeEntry();
                }
            }
            if (extraEntry != null) {
                out.putNextEntry(new ZipEntry(extraEntry));
                out.write("escaped".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return target;
    }
}
