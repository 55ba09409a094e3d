package dev.quorum.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A Quorum home for the command-line tests, as a user has one: the shipped config (its candles read from the
 * checkout's {@code data/candles}), the distribution's bundled plugin zips, everything else made by the commands
 * themselves in a temporary folder (a real H2 file database, {@code var/}, {@code reports/}).
 */
final class CliHome {

    /** The checkout. */
    static final Path ROOT = Path.of(System.getProperty("quorum.root"));

    private CliHome() {
    }

    /**
     * Prepares a home and points the command line at it.
     *
     * @param home   an empty folder
     * @param config changes to the shipped {@code config/quorum.yaml}, as text
     */
    static void prepare(Path home, UnaryOperator<String> config) throws IOException {
        Files.createDirectories(home.resolve("config"));
        String text = Files.readString(ROOT.resolve("config/quorum.yaml")).replace("dir: data/candles", "dir: " + ROOT.resolve("data/candles"));
        Files.writeString(home.resolve("config/quorum.yaml"), config.apply(text));
        System.setProperty("quorum.home", home.toString());
        System.setProperty("quorum.bundledPlugins", Path.of(System.getProperty("quorum.distribution"), "bundled-plugins").toString());
    }

    /** Points the command line back at nothing. */
    static void clear() {
        System.clearProperty("quorum.home");
        System.clearProperty("quorum.bundledPlugins");
    }
}
