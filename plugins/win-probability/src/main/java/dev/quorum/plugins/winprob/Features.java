package dev.quorum.plugins.winprob;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.api.Direction;
import dev.quorum.api.Situation;

/**
 * What the model sees of one call: the bot (one-hot), the direction (+1 / −1), the stated confidence (in steps of 0.01)
 * and the market situation (each measure's bucket one-hot), plus the direction within each regime and momentum bucket
 * (so that a linear model can tell a LONG in an up-trend from a LONG in a down-trend). Every call is reduced to a
 * {@code long} key, so equal calls share one prediction.
 *
 * @param bot        the bot's place in the run's list
 * @param direction  LONG or SHORT
 * @param confidence hundredths of the stated confidence, [0, 100]
 * @param situation  the market then
 */
record Features(int bot, Direction direction, int confidence, Situation situation) {

    static Features of(int bot, Direction direction, double confidence, Situation situation) {
        return new Features(bot, direction, (int) Math.round(confidence * 100), situation);
    }

    /** @return a key unique to these features */
    long key() {
        long k = bot;
        k = k * 2 + (direction == Direction.LONG ? 1 : 0);
        k = k * 101 + confidence;
        k = k * 4 + situation.regime().ordinal();
        k = k * 4 + situation.volatility().ordinal();
        k = k * 4 + situation.volume().ordinal();
        k = k * 4 + situation.momentum().ordinal();
        return k;
    }

    /** Fills the feature names and values (Tribuo keeps only features it saw in training). */
    void fill(List<String> bots, List<String> names, List<Double> values) {
        double dir = direction == Direction.LONG ? 1 : -1;
        add(names, values, "bot=" + bots.get(bot), 1);
        add(names, values, "dir", dir);
        add(names, values, "conf", confidence / 100.0);
        add(names, values, "regime=" + situation.regime(), 1);
        add(names, values, "volatility=" + situation.volatility(), 1);
        add(names, values, "volume=" + situation.volume(), 1);
        add(names, values, "momentum=" + situation.momentum(), 1);
        add(names, values, "dir*regime=" + situation.regime(), dir);
        add(names, values, "dir*momentum=" + situation.momentum(), dir);
    }

    private static void add(List<String> names, List<Double> values, String name, double value) {
        names.add(name);
        values.add(value);
    }

    String[] names(List<String> bots) {
        List<String> names = new ArrayList<>();
        fill(bots, names, new ArrayList<>());
        return names.toArray(new String[0]);
    }
}
