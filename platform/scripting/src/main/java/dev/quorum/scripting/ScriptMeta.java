package dev.quorum.scripting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.graalvm.polyglot.Value;

import dev.quorum.api.ParameterSpec;
import dev.quorum.api.ParameterType;
import dev.quorum.api.Timeframe;

/**
 * What a script declares in {@code const meta = {...}}: its id ({@code name}), version, description,
 * the higher timeframes it reads, the symbols it votes on (all when empty) and its parameters.
 *
 * @param name        the strategy id bots refer to: lower-case letters, digits and '-'
 * @param version     free text, such as {@code 1.0.0}
 * @param description one line
 * @param timeframes  higher timeframes it reads through {@code ctx.tf(...)} and {@code ctx.history(...)}
 * @param symbols     the symbols it votes on; empty for every symbol of the run
 * @param parameters  its parameters with types, defaults and ranges
 */
public record ScriptMeta(String name, String version, String description, List<Timeframe> timeframes, List<String> symbols,
                         List<ParameterSpec> parameters) {

    private static final Set<String> KEYS = Set.of("name", "version", "description", "timeframes", "symbols", "params");
    private static final Set<String> PARAM_KEYS = Set.of("type", "default", "min", "max", "choices", "description");

    /** Copies. */
    public ScriptMeta {
        timeframes = List.copyOf(timeframes);
        symbols = List.copyOf(symbols);
        parameters = List.copyOf(parameters);
    }

    /**
     * Reads and checks the metadata.
     *
     * @param file the script's name, for errors
     * @param meta the value of {@code meta}, or null when the script declares none
     * @return the metadata
     * @throws ScriptException naming the file, the field, the value and what was expected
     */
    static ScriptMeta read(String file, Value meta) {
        if (meta == null || meta.isNull() || !meta.hasMembers() || meta.canExecute() || meta.hasArrayElements()) {
            throw ScriptException.of(file, "meta is " + (meta == null || meta.isNull() ? "missing" : "not an object (" + show(meta) + ")")
                    + ": declare const meta = { name: 'my-signal', version: '1.0.0', params: { ... } } at the top level");
        }
        for (String key : meta.getMemberKeys()) {
            if (!KEYS.contains(key)) {
                throw ScriptException.of(file, "meta." + key + " is not a known field (known: " + new java.util.TreeSet<>(KEYS) + ")");
            }
        }
        String name = string(file, "meta.name", meta.getMember("name"), null);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw ScriptException.of(file, "meta.name is \"" + name + "\": expected lower-case letters, digits and '-', starting"
                    + " with a letter (it is the strategy id bots refer to)");
        }
        String version = string(file, "meta.version", meta.getMember("version"), null);
        String description = string(file, "meta.description", meta.getMember("description"), "");
        List<Timeframe> timeframes = new ArrayList<>();
        for (String tf : strings(file, "meta.timeframes", meta.getMember("timeframes"))) {
            try {
                timeframes.add(Timeframe.parse(tf));
            } catch (IllegalArgumentException e) {
                throw ScriptException.of(file, "meta.timeframes: " + e.getMessage());
            }
        }
        List<String> symbols = strings(file, "meta.symbols", meta.getMember("symbols"));
        List<ParameterSpec> params = new ArrayList<>();
        Value p = meta.getMember("params");
        if (p != null && !p.isNull()) {
            if (!p.hasMembers() || p.hasArrayElements() || p.canExecute()) {
                throw ScriptException.of(file, "meta.params is " + show(p) + ": expected an object, one entry per parameter");
            }
            for (String key : p.getMemberKeys()) {
                params.add(parameter(file, "meta.params." + key, key, p.getMember(key)));
            }
        }
        return new ScriptMeta(name, version, description, timeframes, symbols, params);
    }

    private static ParameterSpec parameter(String file, String where, String name, Value spec) {
        if (spec == null || !spec.hasMembers() || spec.hasArrayElements() || spec.canExecute()) {
            throw ScriptException.of(file, where + " is " + show(spec) + ": expected an object such as { type: 'int', default: 14, min: 2, max: 100 }");
        }
        for (String key : spec.getMemberKeys()) {
            if (!PARAM_KEYS.contains(key)) {
                throw ScriptException.of(file, where + "." + key + " is not a known field (known: " + new java.util.TreeSet<>(PARAM_KEYS) + ")");
            }
        }
        String typeText = string(file, where + ".type", spec.getMember("type"), null);
        ParameterType type = switch (typeText) {
            case "int", "integer" -> ParameterType.INTEGER;
            case "number", "decimal" -> ParameterType.DECIMAL;
            case "boolean" -> ParameterType.BOOLEAN;
            case "choice" -> ParameterType.CHOICE;
            default -> throw ScriptException.of(file, where + ".type is \"" + typeText + "\": expected \"int\", \"number\", \"boolean\" or \"choice\"");
        };
        String description = string(file, where + ".description", spec.getMember("description"), "");
        Value d = spec.getMember("default");
        if (d == null || d.isNull()) {
            throw ScriptException.of(file, where + ".default is missing");
        }
        Object defaultValue;
        double min = 0;
        double max = 0;
        List<String> choices = List.of();
        switch (type) {
            case INTEGER, DECIMAL -> {
                min = number(file, where + ".min", spec.getMember("min"), type == ParameterType.INTEGER ? Integer.MIN_VALUE : -Double.MAX_VALUE);
                max = number(file, where + ".max", spec.getMember("max"), type == ParameterType.INTEGER ? Integer.MAX_VALUE : Double.MAX_VALUE);
                if (!(min <= max)) {
                    throw ScriptException.of(file, where + ": min " + min + " is above max " + max);
                }
                if (!d.isNumber()) {
                    throw ScriptException.of(file, where + ".default is " + show(d) + ": expected a number");
                }
                if (type == ParameterType.INTEGER) {
                    if (!d.fitsInInt()) {
                        throw ScriptException.of(file, where + ".default is " + show(d) + ": expected a whole number for an int parameter");
                    }
                    defaultValue = d.asInt();
                } else {
                    defaultValue = d.asDouble();
                }
            }
            case BOOLEAN -> {
                if (!d.isBoolean()) {
                    throw ScriptException.of(file, where + ".default is " + show(d) + ": expected true or false");
                }
                defaultValue = d.asBoolean();
            }
            default -> {
                choices = strings(file, where + ".choices", spec.getMember("choices"));
                if (choices.isEmpty()) {
                    throw ScriptException.of(file, where + ".choices is missing: a choice parameter lists its choices");
                }
                if (new LinkedHashSet<>(choices).size() != choices.size()) {
                    throw ScriptException.of(file, where + ".choices lists a choice twice: " + choices);
                }
                defaultValue = string(file, where + ".default", d, null);
            }
        }
        try {
            return new ParameterSpec(name, type, defaultValue, min, max, choices, description);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String detail = m.startsWith("parameter '" + name + "': ") ? m.substring(("parameter '" + name + "': ").length()) : m;
            throw ScriptException.of(file, where + ": " + detail + " (allowed: " + allowed(type, min, max, choices) + ")");
        }
    }

    private static String allowed(ParameterType type, double min, double max, List<String> choices) {
        return switch (type) {
            case INTEGER -> "an integer in [" + (long) min + ", " + (long) max + "]";
            case DECIMAL -> "a number in [" + min + ", " + max + "]";
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + choices;
            case TEXT -> "a text"; // scripts declare no text parameters
        };
    }

    /** A value as the script wrote it: strings quoted, the rest as JavaScript prints it. */
    static String show(Value v) {
        if (v == null) {
            return "undefined";
        }
        if (v.isString()) {
            String text = v.asString();
            return "\"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
        }
        String text = v.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static String string(String file, String where, Value v, String fallback) {
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw ScriptException.of(file, where + " is missing: expected a string");
            }
            return fallback;
        }
        if (!v.isString()) {
            throw ScriptException.of(file, where + " is " + show(v) + ": expected a string");
        }
        return v.asString();
    }

    private static double number(String file, String where, Value v, double fallback) {
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw ScriptException.of(file, where + " is " + show(v) + ": expected a finite number");
        }
        return v.asDouble();
    }

    private static List<String> strings(String file, String where, Value v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.hasArrayElements()) {
            throw ScriptException.of(file, where + " is " + show(v) + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (long i = 0; i < v.getArraySize(); i++) {
            Value e = v.getArrayElement(i);
            if (!e.isString()) {
                throw ScriptException.of(file, where + "[" + i + "] is " + show(e) + ": expected a string");
            }
            out.add(e.asString());
        }
        return out;
    }
}
