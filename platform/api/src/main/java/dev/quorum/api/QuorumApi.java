package dev.quorum.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The semantic version of this API, as the host reports it to PF4J.
 *
 * <p>Minor versions add (a new default method, a new record factory), major versions remove or change.
 * A plugin states the range it works with in its descriptor, for example
 * {@code plugin.requires=>=1.0.0 & <2.0.0}; the host refuses a plugin whose range excludes
 * {@link #version()} and names both in the message.
 *
 * @since 1.0
 */
public final class QuorumApi {

    private static final String VERSION = readVersion();

    private QuorumApi() {
    }

    /**
     * The version of the API the running host implements, such as {@code 1.0.0}.
     *
     * @return a semantic version string, never null
     * @since 1.0
     */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = QuorumApi.class.getResourceAsStream("quorum-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("quorum-api.properties is missing from the quorum-api jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read quorum-api.properties", e);
        }
    }
}
