package dev.quorum.core.learning;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.LearnerInstance;
import dev.quorum.core.plugin.PluginCalls;
import dev.quorum.core.plugin.PluginErrors;

/**
 * Every call from the host into the learners' plugin code: a throw, or an answer the caller finds wrong, is counted
 * against the learner's plugin and contained; after {@code maxErrors} failures the learner is left out for the rest of
 * the run.
 */
final class LearnerCalls {

    private static final Logger log = LoggerFactory.getLogger(LearnerCalls.class);

    private final LearnerDesk.Member[] members;
    private final boolean[] out;
    private final int[] failures;
    private final PluginErrors errors;
    private final int maxErrors;

    LearnerCalls(List<LearnerDesk.Member> members, PluginErrors errors, int maxErrors) {
        this.members = members.toArray(new LearnerDesk.Member[0]);
        this.out = new boolean[this.members.length];
        this.failures = new int[this.members.length];
        this.errors = errors;
        this.maxErrors = maxErrors;
    }

    /** @return how many learners */
    int size() {
        return members.length;
    }

    LearnerDesk.Member member(int m) {
        return members[m];
    }

    /** @return whether learner {@code m} has been left out for failing */
    boolean isOut(int m) {
        return out[m];
    }

    /** @return what the call answered, or null when it threw (counted) */
    <T> T call(int m, String what, Function<LearnerInstance, T> call) {
        try {
            return call.apply(members[m].instance());
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            fail(m, what, PluginCalls.describe(e));
            return null;
        }
    }

    /** Calls every learner not left out, in config order. */
    void forEach(String what, Consumer<LearnerInstance> call) {
        for (int m = 0; m < members.length; m++) {
            if (!out[m]) {
                call(m, what, l -> {
                    call.accept(l);
                    return Boolean.TRUE;
                });
            }
        }
    }

    /** Counts a failure of learner {@code m}; the one that reaches {@code maxErrors} leaves it out. */
    void fail(int m, String what, String error) {
        LearnerDesk.Member member = members[m];
        errors.record(member.pluginId(), "learner '" + member.name() + "' " + what, error);
        if (++failures[m] >= maxErrors && !out[m]) {
            out[m] = true;
            log.warn("[learner {}] left out for the rest of the run after {} failures (last: {}: {}); its multiplier is 1"
                    + " for every bot", member.name(), failures[m], what, error);
        }
    }
}
