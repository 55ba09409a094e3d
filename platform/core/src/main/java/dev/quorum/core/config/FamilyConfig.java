package dev.quorum.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A family of bots: one strategy run with many parameter sets, each a bot of its own. The sets are either
 * every combination of a {@code grid} (a list of values per parameter) or an explicit list of {@code sets};
 * {@code params} holds the values every member shares. A member is named after the family and its own
 * values in order, such as {@code ema-5-20} for {@code fast: 5, slow: 20}; decimals keep their point
 * ({@code boll-20-2.5}).
 *
 * @param name     the family's name, the prefix of its members' names
 * @param strategy the strategy id, such as {@code ema-crossover}
 * @param params   values every member shares
 * @param grid     parameter name to the values to combine (every combination, in the order given: the last
 *                 parameter varies fastest); null or empty when {@code sets} is given
 * @param sets     explicit parameter sets, one per member; null or empty when {@code grid} is given
 */
public record FamilyConfig(String name, String strategy, Map<String, Object> params, Map<String, List<Object>> grid,
                           List<Map<String, Object>> sets) {

    /** The most members one family may have: a grid that multiplies past it is almost certainly a mistake. */
    public static final int MAX_MEMBERS = 1000;

    /** Applies defaults, copies and checks the shape. */
    public FamilyConfig {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a family needs a 'name' of letters, digits, '.', '_' and '-' (the prefix of its bots'"
                    + " names), not " + (name == null ? "none" : "'" + name + "'"));
        }
        if (strategy == null || strategy.isBlank()) {
            throw new IllegalArgumentException("family '" + name + "' needs 'strategy': the id of a strategy (see ./quorum plugins list)");
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Map<String, List<Object>> g = new LinkedHashMap<>();
        if (grid != null) {
            grid.forEach((key, values) -> g.put(key, values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values))));
        }
        grid = Collections.unmodifiableMap(g);
        List<Map<String, Object>> s = new ArrayList<>();
        if (sets != null) {
            for (Map<String, Object> set : sets) {
                s.add(set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set)));
            }
        }
        sets = Collections.unmodifiableList(s);
        if (grid.isEmpty() == sets.isEmpty()) {
            throw new IllegalArgumentException("family '" + name + "' needs either 'grid' (values to combine) or 'sets' (a list of"
                    + " parameter sets), not " + (grid.isEmpty() ? "neither" : "both"));
        }
        long members = 1;
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("family '" + name + "': grid." + e.getKey() + " has no values; give a list such as [5, 8, 13]");
            }
            if (params.containsKey(e.getKey())) {
                throw new IllegalArgumentException("family '" + name + "': '" + e.getKey() + "' is both in params and in the grid");
            }
            members *= e.getValue().size();
            if (members > MAX_MEMBERS) {
                throw new IllegalArgumentException("family '" + name + "': the grid makes more than " + MAX_MEMBERS + " bots");
            }
        }
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).isEmpty()) {
                throw new IllegalArgumentException("family '" + name + "': sets[" + i + "] is empty");
            }
            for (String key : sets.get(i).keySet()) {
                if (params.containsKey(key)) {
                    throw new IllegalArgumentException("family '" + name + "': '" + key + "' is both in params and in sets[" + i + "]");
                }
            }
        }
        if (sets.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("family '" + name + "' has more than " + MAX_MEMBERS + " sets");
        }
    }

    /**
     * One member: its bot and, for an error about one of its parameters, where in the family the value is.
     *
     * @param bot  the bot
     * @param keys parameter name to the config key of its value, relative to the family: {@code ["grid", "fast", 0]},
     *             {@code ["sets", 2, "fast"]} or {@code ["params", "k"]}
     */
    public record Member(BotConfig bot, Map<String, List<Object>> keys) {

        /** Copies. */
        public Member {
            keys = Map.copyOf(keys);
        }
    }

    /**
     * @return the members, in grid order (the last grid parameter varying fastest) or in the order of {@code sets}
     * @throws IllegalArgumentException for a value that cannot be part of a bot's name
     */
    public List<Member> members() {
        List<Member> members = new ArrayList<>();
        if (!sets.isEmpty()) {
            for (int i = 0; i < sets.size(); i++) {
                Map<String, List<Object>> keys = new LinkedHashMap<>();
                for (String key : sets.get(i).keySet()) {
                    keys.put(key, List.of("sets", i, key));
                }
                members.add(member(sets.get(i), keys));
            }
            return members;
        }
        List<String> keys = new ArrayList<>(grid.keySet());
        int[] index = new int[keys.size()];
        while (true) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, List<Object>> where = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                values.put(keys.get(k), grid.get(keys.get(k)).get(index[k]));
                where.put(keys.get(k), List.of("grid", keys.get(k), index[k]));
            }
            members.add(member(values, where));
            int k = keys.size() - 1;
            while (k >= 0 && ++index[k] == grid.get(keys.get(k)).size()) {
                index[k--] = 0;
            }
            if (k < 0) {
                return members;
            }
        }
    }

    private Member member(Map<String, Object> own, Map<String, List<Object>> ownKeys) {
        StringBuilder botName = new StringBuilder(name);
        for (Map.Entry<String, Object> e : own.entrySet()) {
            String text = text(e.getValue());
            if (!text.matches("[A-Za-z0-9._]+")) {
                throw new IllegalArgumentException("family '" + name + "': " + e.getKey() + " = '" + text + "' cannot be part of a bot's"
                        + " name (letters, digits, '.' and '_' only)");
            }
            botName.append('-').append(text);
        }
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.putAll(own);
        Map<String, List<Object>> keys = new LinkedHashMap<>();
        params.keySet().forEach(key -> keys.put(key, List.of("params", key)));
        keys.putAll(ownKeys);
        return new Member(new BotConfig(botName.toString(), strategy, all), keys);
    }

    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.valueOf(value);
    }
}
