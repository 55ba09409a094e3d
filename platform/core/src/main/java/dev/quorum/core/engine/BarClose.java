package dev.quorum.core.engine;

import java.time.Instant;
import java.util.Map;

import dev.quorum.api.Bar;
import dev.quorum.api.PortfolioView;

/**
 * A bar the engine has just processed (fills, vote, orders), as a watching sink sees it ({@link RunSink#onBarClosed}).
 * Valid only during that call, on the engine's thread: what it returns is computed when asked, so a sink that looks
 * only now and then (a live dashboard, once a second) costs the engine nothing on the other bars.
 */
public interface BarClose {

    /** @return the bar */
    Bar bar();

    /** @return the engine clock: the bar's close */
    Instant now();

    /** @return the portfolio after the bar, positions marked at the latest closes (an immutable copy) */
    PortfolioView portfolio();

    /** @return symbol to bot to weight, as the learners have them now (a copy); empty without learners */
    Map<String, Map<String, Double>> weights();

    /**
     * @return each bot's trust as the learners report it now ({@link dev.quorum.core.learning.LearnerDesk#trust()}:
     *         computed when asked, without side effects on the run); empty without learners or without one reporting trust
     */
    Map<String, Double> trust();

    /** @return the bots, in vote order (the same list on every bar) */
    java.util.List<String> bots();

    /**
     * @param bot a bot's index in {@link #bots()}
     * @return its signal on the bar (a suspended bot's is FLAT)
     */
    dev.quorum.api.Signal signal(int bot);
}
