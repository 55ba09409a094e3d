package dev.quorum.core.journal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Where two stored configurations (the canonical JSON of a run) differ, as setting paths a user can look up. */
final class ConfigDifference {

    /** At most this many paths are named. */
    static final int MAX_PATHS = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigDifference() {
    }

    /**
     * @param before one configuration's JSON
     * @param after  the other's
     * @return the differing paths (such as {@code engine.consensusThreshold: 0.6 -> 0.65}), comma-separated, at most
     *         {@link #MAX_PATHS} and a count of the rest
     */
    static String paths(String before, String after) {
        List<String> paths = new ArrayList<>();
        try {
            collect("", JSON.readTree(before), JSON.readTree(after), paths);
        } catch (JsonProcessingException e) {
            return "(a stored configuration cannot be read: " + e.getOriginalMessage() + ")";
        }
        if (paths.isEmpty()) {
            return "(none in value: only their form differs)";
        }
        String named = String.join(", ", paths.subList(0, Math.min(MAX_PATHS, paths.size())));
        return paths.size() > MAX_PATHS ? named + " and " + (paths.size() - MAX_PATHS) + " more" : named;
    }

    private static void collect(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            for (int i = 0; left.hasNext(); i++) {
                collect(path + "[" + i + "]", left.next(), right.next(), out);
            }
            return;
        }
        if (a == null || !a.equals(b)) {
            out.add(path + ": " + text(a) + " -> " + text(b));
        }
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return "(absent)";
        }
        String s = node.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
