package dev.quorum.app.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --config} option every command that needs the configuration shares. */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: config/quorum.yaml in the Quorum home).")
    Path file;

    Workspace workspace() {
        return Workspace.load(file);
    }
}
