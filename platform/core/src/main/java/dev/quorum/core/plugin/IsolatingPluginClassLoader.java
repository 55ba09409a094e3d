package dev.quorum.core.plugin;

import java.nio.file.Path;

import org.pf4j.DefaultPluginLoader;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * PF4J's plugin class loader with the host's internals out of reach: a plugin sees quorum-api,
 * pf4j, slf4j, the JDK and its own jars, but loading a {@code dev.quorum.core} or
 * {@code dev.quorum.app} class (the engine, the store, the portfolio) fails. Plugins get read-only
 * views through the API, never engine objects.
 */
final class IsolatingPluginClassLoader extends PluginClassLoader {

    private static final String[] HOST_INTERNALS = {"dev.quorum.core.", "dev.quorum.app."};

    IsolatingPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        for (String prefix : HOST_INTERNALS) {
            if (className.startsWith(prefix)) {
                throw new ClassNotFoundException(className + ": plugins cannot use the host's internals; use dev.quorum.api");
            }
        }
        return super.loadClass(className);
    }

    /** PF4J's zip-directory loader, with this class loader. */
    static final class ForDirectories extends DefaultPluginLoader {
        ForDirectories(PluginManager manager) {
            super(manager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new IsolatingPluginClassLoader(pluginManager, descriptor, getClass().getClassLoader());
        }
    }

    /** PF4J's jar loader, with this class loader. */
    static final class ForJars extends JarPluginLoader {
        ForJars(PluginManager manager) {
            super(manager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new IsolatingPluginClassLoader(pluginManager, descriptor, getClass().getClassLoader());
        }
    }
}
