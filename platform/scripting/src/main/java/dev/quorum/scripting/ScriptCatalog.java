package dev.quorum.scripting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scripts of a folder: every {@code *.js} directly in it (not in subfolders, so that
 * {@code scripts/examples/} stays out), in file-name order, each either checked or with the error
 * that keeps it out.
 */
public final class ScriptCatalog {

    /**
     * One file: its checked definition, or why it is INVALID.
     *
     * @param file       the file
     * @param definition the definition, null when invalid
     * @param error      the error, null when valid
     */
    public record Entry(Path file, ScriptDefinition definition, ScriptException error) {

        /** @return whether it loaded */
        public boolean valid() {
            return definition != null;
        }
    }

    private ScriptCatalog() {
    }

    /**
     * @param dir the folder; a missing folder holds no scripts
     * @return the {@code *.js} files directly in it, sorted by name
     */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".js") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the scripts in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads each file; two valid scripts with the same {@code meta.name} make the later one INVALID.
     *
     * @param runtime the runtime
     * @param files   the files
     * @param base    what display names are relative to (the Quorum home), so errors read {@code scripts/x.js:3:5}
     * @return one entry per file, in the given order
     */
    public static List<Entry> load(ScriptRuntime runtime, List<Path> files, Path base) {
        List<Entry> entries = new ArrayList<>();
        java.util.Map<String, Path> names = new java.util.HashMap<>();
        for (Path file : files) {
            String display = displayName(file, base);
            try {
                ScriptDefinition d = ScriptDefinition.load(runtime, file, display);
                Path other = names.putIfAbsent(d.meta().name(), file);
                if (other != null) {
                    entries.add(new Entry(file, null, ScriptException.of(display, "meta.name \"" + d.meta().name()
                            + "\" is already the name of " + displayName(other, base) + ": each script needs its own")));
                } else {
                    entries.add(new Entry(file, d, null));
                }
            } catch (ScriptException e) {
                entries.add(new Entry(file, null, e));
            }
        }
        return entries;
    }

    /**
     * @param file a script file
     * @param base the Quorum home
     * @return the path relative to the home when inside it, else as given
     */
    public static String displayName(Path file, Path base) {
        Path abs = file.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return (abs.startsWith(b) ? b.relativize(abs) : file).toString().replace('\\', '/');
    }
}
