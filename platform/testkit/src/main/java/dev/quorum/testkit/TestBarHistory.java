package dev.quorum.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;

/** A fixed {@link BarHistory} for tests: the bars given, served newest first as the host does. */
public final class TestBarHistory implements BarHistory {

    private final List<Bar> newestFirst;

    private TestBarHistory(List<Bar> newestFirst) {
        this.newestFirst = newestFirst;
    }

    /**
     * @param oldestFirst the bars in time order (oldest first, as they are usually written down)
     * @return the history, {@code get(0)} the newest
     */
    public static TestBarHistory of(List<Bar> oldestFirst) {
        List<Bar> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        return new TestBarHistory(List.copyOf(reversed));
    }

    @Override
    public int size() {
        return newestFirst.size();
    }

    @Override
    public Bar get(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= newestFirst.size()) {
            throw new IndexOutOfBoundsException("bar " + barsAgo + " ago of a history of " + newestFirst.size());
        }
        return newestFirst.get(barsAgo);
    }
}
