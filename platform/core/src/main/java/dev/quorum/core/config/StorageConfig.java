package dev.quorum.core.config;

/**
 * Where state lives, relative to the working directory.
 *
 * @param database   a JDBC URL; default an H2 file database under {@code var/db}
 * @param pluginsDir the directory installed plugins are loaded from
 */
public record StorageConfig(String database, String pluginsDir) {

    /** Applies defaults. */
    public StorageConfig {
        database = Check.notBlank("storage.database", database, "jdbc:h2:file:./var/db/quorum");
        pluginsDir = Check.notBlank("storage.pluginsDir", pluginsDir, "var/plugins");
    }

    /** @return the defaults */
    public static StorageConfig defaults() {
        return new StorageConfig(null, null);
    }
}
