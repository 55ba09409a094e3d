package dev.quorum.core.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Bar;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.RiskCheck;
import dev.quorum.api.RiskDecision;
import dev.quorum.api.RiskDecision.Verdict;
import dev.quorum.api.Trade;
import dev.quorum.core.plugin.PluginCalls;
import dev.quorum.core.plugin.PluginErrors;

/**
 * The risk modules in configured order, each seeing the previous one's output. The host, not the
 * modules, enforces what matters: a resize above the quantity a module was given is clamped to it
 * (and counted as an error of that module), and a module that throws or returns null is counted,
 * logged, and treated as having rejected the order — fail safe. A module can only keep, shrink or
 * block an intent; it never sees exits.
 */
public final class RiskChain {

    private static final Logger log = LoggerFactory.getLogger(RiskChain.class);

    /**
     * One module in the chain.
     *
     * @param name     its name in config
     * @param pluginId the plugin providing it
     * @param check    its state for this run
     */
    public record Link(String name, String pluginId, RiskCheck check) {
    }

    private final List<Link> links;
    // the modules that want every bar (they override RiskCheck.onBar): most do not, and then a bar costs nothing here
    private final Link[] barWatchers;
    private final PluginErrors errors;

    /**
     * @param links  the modules in order
     * @param errors where module errors are counted
     */
    public RiskChain(List<Link> links, PluginErrors errors) {
        this.links = List.copyOf(links);
        this.barWatchers = links.stream().filter(l -> overridesOnBar(l.check())).toArray(Link[]::new);
        this.errors = errors;
    }

    private static boolean overridesOnBar(RiskCheck check) {
        try {
            return check.getClass().getMethod("onBar", Bar.class, PortfolioView.class).getDeclaringClass() != RiskCheck.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("RiskCheck.onBar is part of quorum-api", e);
        }
    }

    /** @return whether any module wants to be told of every bar */
    public boolean watchesBars() {
        return barWatchers.length > 0;
    }

    /**
     * Tells the modules that want it about a processed bar; a module that throws is counted and skipped
     * (its next decisions still run: it may reject them if its state is broken).
     *
     * @param bar       the bar
     * @param portfolio a read-only view of the portfolio after it
     */
    public void onBar(Bar bar, PortfolioView portfolio) {
        for (Link link : barWatchers) {
            try {
                link.check().onBar(bar, portfolio);
            } catch (Throwable e) {
                PluginCalls.rethrowIfFatal(e);
                errors.record(link.pluginId(), "risk module '" + link.name() + "'.onBar(" + bar.symbol() + " " + bar.closeTime() + ")",
                        PluginCalls.describe(e));
            }
        }
    }

    /**
     * Runs an intent through every module.
     *
     * @param intent    the ensemble's intent at its largest quantity
     * @param portfolio an immutable view of the portfolio
     * @return the approved (possibly smaller) intent, or a rejection, with every step
     */
    public RiskOutcome apply(OrderIntent intent, PortfolioView portfolio) {
        return apply(intent, () -> portfolio);
    }

    /**
     * Runs an intent through every module, taking the portfolio view only if a module will read it.
     *
     * @param intent    the ensemble's intent at its largest quantity
     * @param portfolio makes the immutable view of the portfolio, called at most once
     * @return the approved (possibly smaller) intent, or a rejection, with every step
     */
    public RiskOutcome apply(OrderIntent intent, java.util.function.Supplier<? extends PortfolioView> portfolio) {
        if (links.isEmpty()) {
            return new RiskOutcome(Optional.of(intent), List.of());
        }
        PortfolioView view = portfolio.get();
        OrderIntent current = intent;
        List<RiskStep> steps = new ArrayList<>();
        for (Link link : links) {
            double before = current.quantity();
            RiskDecision decision;
            try {
                decision = link.check().evaluate(current, view);
                if (decision == null) {
                    throw new IllegalStateException("evaluate() returned null instead of a RiskDecision");
                }
            } catch (Throwable e) {
                PluginCalls.rethrowIfFatal(e);
                String what = "risk module '" + link.name() + "' on " + current.symbol() + " at " + current.createdAt();
                errors.record(link.pluginId(), what, PluginCalls.describe(e));
                steps.add(new RiskStep(link.name(), Verdict.REJECT, before, 0,
                        "module failed (" + PluginCalls.describe(e) + "); order blocked, fail-safe", true));
                return new RiskOutcome(Optional.empty(), steps);
            }
            switch (decision.verdict()) {
                case APPROVE -> steps.add(new RiskStep(link.name(), Verdict.APPROVE, before, before, decision.reason(), false));
                case REJECT -> {
                    steps.add(new RiskStep(link.name(), Verdict.REJECT, before, 0, decision.reason(), false));
                    return new RiskOutcome(Optional.empty(), steps);
                }
                case RESIZE -> {
                    if (decision.quantity() > before) {
                        String what = "risk module '" + link.name() + "' on " + current.symbol() + " at " + current.createdAt();
                        errors.record(link.pluginId(), what, "tried to enlarge the order from " + before + " to "
                                + decision.quantity() + "; clamped to " + before);
                        log.warn("[risk {}] tried to enlarge {} from {} to {}; clamped", link.name(), current.symbol(),
                                before, decision.quantity());
                        steps.add(new RiskStep(link.name(), Verdict.RESIZE, before, before,
                                "tried to enlarge to " + decision.quantity() + ", clamped by the host; " + decision.reason(), true));
                    } else {
                        current = current.withQuantity(decision.quantity());
                        steps.add(new RiskStep(link.name(), Verdict.RESIZE, before, decision.quantity(), decision.reason(), false));
                    }
                }
            }
        }
        return new RiskOutcome(Optional.of(current), steps);
    }

    /**
     * Tells every module about a closed trade; a module that throws is counted and skipped.
     *
     * @param trade the closed trade
     */
    public void onTradeClosed(Trade trade) {
        for (Link link : links) {
            try {
                link.check().onTradeClosed(trade);
            } catch (Throwable e) {
                PluginCalls.rethrowIfFatal(e);
                errors.record(link.pluginId(), "risk module '" + link.name() + "'.onTradeClosed(trade " + trade.id() + ")",
                        PluginCalls.describe(e));
            }
        }
    }

    /** @return the modules in order */
    public List<Link> links() {
        return links;
    }
}
