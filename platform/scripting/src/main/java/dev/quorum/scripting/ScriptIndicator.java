package dev.quorum.scripting;

import org.graalvm.polyglot.HostAccess;

import dev.quorum.api.Indicator;

/** One of the host's indicators, live, as scripts reach it (the framework wraps it in {@code value}/{@code previous} getters). */
public final class ScriptIndicator {

    private final Indicator indicator;

    ScriptIndicator(Indicator indicator) {
        this.indicator = indicator;
    }

    /** @return the value on the latest closed bar, NaN before it has one */
    @HostAccess.Export
    public double value() {
        return indicator.value();
    }

    /** @return the value on the bar before */
    @HostAccess.Export
    public double previous() {
        return indicator.previous();
    }

    /** @return the bars it has seen */
    @HostAccess.Export
    public double bars() {
        return indicator.bars();
    }

    /** @return whether it is past its unstable period */
    @HostAccess.Export
    public boolean stable() {
        return indicator.isStable();
    }
}
