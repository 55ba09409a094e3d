package dev.quorum.core.position;

import java.time.Instant;
import java.util.List;

import dev.quorum.api.Bar;
import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;

/**
 * An independent replay of one position's exit on its symbol's bars, written from the rules the README and
 * the API state (not from the engine's code), so a test can say on which bar, at which price and why a
 * position should have closed: each bar, first the broker (the stop-loss, then the take-profit, each at its
 * level or at the open when the bar opened beyond it), then the manager's rule (which may move the levels
 * for the next bar or close the position at the next bar's open).
 */
final class ExitPath {

    /** What the manager rule answers on a bar. */
    record Answer(double stop, double target, ExitReason exit) {
    }

    /** The manager's rule, as the test understands it. */
    interface Rule {
        /** Keeps the levels: a manager that only sets where they start. */
        Rule KEEP = (held, bar, stop, target) -> new Answer(stop, target, null);

        /**
         * @param held   bars held, the entry fill's bar being 1
         * @param bar    the bar that just closed
         * @param stop   the current stop
         * @param target the current target (NaN for none)
         * @return the levels for the next bar, or an exit
         */
        Answer on(long held, Bar bar, double stop, double target);
    }

    /** Where and why the replay says the position closed. */
    record Exit(Instant time, double price, ExitReason reason) {
    }

    private ExitPath() {
    }

    /**
     * @param bars      the symbol's bars in time order
     * @param entryBar  the index of the bar whose open filled the entry
     * @param direction the position's direction
     * @param stop      the initial stop
     * @param target    the initial target (NaN for none)
     * @param rule      the manager's rule
     * @return the exit, or null if the bars end first
     */
    static Exit replay(List<Bar> bars, int entryBar, Direction direction, double stop, double target, Rule rule) {
        boolean isLong = direction == Direction.LONG;
        boolean moved = false;
        for (int j = entryBar; j < bars.size(); j++) {
            Bar b = bars.get(j);
            // the broker: the stop first (it wins when both lie inside the bar), then the target
            if (isLong ? b.open() <= stop : b.open() >= stop) {
                return new Exit(b.openTime(), b.open(), moved ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS);
            }
            if (isLong ? b.low() <= stop : b.high() >= stop) {
                return new Exit(b.closeTime(), stop, moved ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS);
            }
            if (!Double.isNaN(target)) {
                if (isLong ? b.open() >= target : b.open() <= target) {
                    return new Exit(b.openTime(), b.open(), ExitReason.TAKE_PROFIT);
                }
                if (isLong ? b.high() >= target : b.low() <= target) {
                    return new Exit(b.closeTime(), target, ExitReason.TAKE_PROFIT);
                }
            }
            Answer a = rule.on(j - entryBar + 1, b, stop, target);
            if (a.exit() != null) {
                return j + 1 < bars.size() ? new Exit(bars.get(j + 1).openTime(), bars.get(j + 1).open(), a.exit()) : null;
            }
            moved |= a.stop() != stop;
            stop = a.stop();
            target = a.target();
        }
        return null;
    }
}
