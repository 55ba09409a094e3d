package dev.quorum.plugins.learners;

import java.util.Arrays;
import java.util.List;

/** The bots line of saved state: saved state fits a run only with the same bots in the same order. */
final class Bots {

    private Bots() {
    }

    static void save(StateText text, List<String> bots) {
        Object[] fields = new Object[bots.size() + 1];
        fields[0] = "bots";
        for (int i = 0; i < bots.size(); i++) {
            fields[i + 1] = bots.get(i);
        }
        text.line(fields);
    }

    /** @throws IllegalStateException unless the first record names exactly these bots */
    static void check(List<StateText.Line> lines, List<String> bots) {
        if (lines.isEmpty() || !lines.get(0).text(0).equals("bots")) {
            throw new IllegalStateException("state line 2: expected the line naming the bots the state was saved for");
        }
        StateText.Line line = lines.get(0);
        List<String> saved = Arrays.asList(line.fields()).subList(1, line.fields().length);
        if (!saved.equals(bots)) {
            throw line.bad("saved for the bots " + abbreviate(saved) + ", but this run's bots are " + abbreviate(bots));
        }
    }

    private static String abbreviate(List<String> bots) {
        return bots.size() <= 6 ? bots.toString() : bots.subList(0, 6) + " and " + (bots.size() - 6) + " more";
    }
}
