package dev.quorum.api;

import org.pf4j.ExtensionPoint;

/**
 * A notifier: sends platform events somewhere (a chat, e-mail, a log). Called off the trading
 * path; a slow or failing notifier never delays a bar.
 *
 * @since 1.0
 */
public interface Notifier extends ExtensionPoint {

    /**
     * The notifier's id, name, description and declared parameters.
     *
     * @return the info
     * @since 1.0
     */
    ComponentInfo info();

    /**
     * Delivers one event.
     *
     * @param event      the event
     * @param parameters the validated parameter values
     * @since 1.0
     */
    void notify(PlatformEvent event, Parameters parameters);
}
