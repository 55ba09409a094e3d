package dev.quorum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of the 87 bots of the ensemble benchmark: a bundled strategy with one parameter set.
 *
 * @param name     the bot's name
 * @param strategy the bundled strategy id
 * @param params   its parameters
 */
record BotVariant(String name, String strategy, Map<String, Object> params) {

    /** The first {@code count} of the 87 variants: 22 EMA crossovers, 21 RSI, 22 MACD, 22 Bollinger, interleaved. */
    static List<BotVariant> first(int count) {
        List<List<BotVariant>> families = List.of(ema(), rsi(), macd(), bollinger());
        List<BotVariant> all = new ArrayList<>();
        for (int i = 0; all.size() < 87; i++) {
            for (List<BotVariant> family : families) {
                if (i < family.size() && all.size() < 87) {
                    all.add(family.get(i));
                }
            }
        }
        return all.subList(0, count);
    }

    private static List<BotVariant> ema() {
        int[][] pairs = {{5, 20}, {5, 35}, {8, 21}, {8, 34}, {10, 30}, {12, 26}, {12, 50}, {20, 50}, {20, 100}, {50, 200},
            {9, 21}, {13, 34}, {21, 55}, {30, 90}, {40, 120}, {6, 18}, {7, 28}, {15, 45}, {25, 75}, {35, 105}, {45, 135}, {60, 180}};
        List<BotVariant> list = new ArrayList<>();
        for (int[] p : pairs) {
            list.add(variant("ema-crossover", "fast", p[0], "slow", p[1]));
        }
        return list;
    }

    private static List<BotVariant> rsi() {
        int[] periods = {5, 7, 9, 11, 14, 21, 28};
        double[][] bands = {{20, 80}, {25, 75}, {30, 70}};
        List<BotVariant> list = new ArrayList<>();
        for (int period : periods) {
            for (double[] b : bands) {
                list.add(variant("rsi-reversion", "period", period, "oversold", b[0], "overbought", b[1]));
            }
        }
        return list;
    }

    private static List<BotVariant> macd() {
        int[][] triples = {{12, 26, 9}, {8, 17, 9}, {5, 35, 5}, {10, 20, 7}, {6, 13, 5}, {19, 39, 9}, {12, 26, 5}, {8, 21, 5},
            {10, 30, 10}, {15, 30, 9}, {5, 13, 4}, {7, 19, 6}, {9, 24, 8}, {11, 28, 9}, {14, 35, 10}, {16, 40, 12}, {20, 50, 15},
            {3, 10, 16}, {4, 12, 3}, {24, 52, 18}, {13, 29, 7}, {17, 37, 11}};
        List<BotVariant> list = new ArrayList<>();
        for (int[] t : triples) {
            list.add(variant("macd-cross", "fast", t[0], "slow", t[1], "signal", t[2]));
        }
        return list;
    }

    private static List<BotVariant> bollinger() {
        int[] periods = {10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120};
        String[] modes = {"breakout", "reversion"};
        List<BotVariant> list = new ArrayList<>();
        for (int period : periods) {
            for (String mode : modes) {
                list.add(variant("bollinger", "period", period, "k", 2.0, "mode", mode));
            }
        }
        return list;
    }

    private static BotVariant variant(String strategy, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder name = new StringBuilder(strategy);
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
            Object v = keyValues[i + 1];
            name.append('-').append(v instanceof Double d ? String.format(Locale.ROOT, "%s", d).replace('.', '_') : v);
        }
        return new BotVariant(name.toString(), strategy, params);
    }
}
