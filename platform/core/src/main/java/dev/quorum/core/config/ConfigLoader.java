package dev.quorum.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads {@code quorum.yaml} strictly: unknown keys, wrong types and out-of-range values are
 * {@link ConfigException}s of the form {@code file:line:column: key = value: what is allowed}.
 */
public final class ConfigLoader {

    /** A message that starts with a dotted key, such as {@code engine.consensusThreshold = 1.7 …}. */
    private static final Pattern LEADING_KEY = Pattern.compile("^([A-Za-z]+(?:\\.[A-Za-z]+)+)\\b");

    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /**
     * Reads and validates a config file.
     *
     * @param file the YAML file
     * @return the configuration with defaults applied
     * @throws ConfigException naming file, position, key, value and what is allowed
     */
    public QuorumConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": config file not found");
        }
        try (JsonParser parser = yaml.createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                return QuorumConfig.defaults(); // empty, or only comments
            }
            QuorumConfig config = yaml.readValue(parser, QuorumConfig.class);
            return config == null ? QuorumConfig.defaults() : config;
        } catch (JsonMappingException e) {
            YamlPositions positions = YamlPositions.of(file);
            List<Object> path = path(e);
            String message = describe(e, path, positions);
            Matcher key = LEADING_KEY.matcher(message);
            List<Object> keyPath = key.find() ? new ArrayList<>(Arrays.asList((Object[]) key.group(1).split("\\."))) : path;
            String where = positions.where(keyPath).or(() -> positions.where(path)).orElse(where(e.getLocation()));
            throw new ConfigException(file + where + ": " + message, e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + where(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String describe(JsonMappingException e, List<Object> path, YamlPositions positions) {
        String dotted = dotted(path);
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            String parent = dotted(path.subList(0, Math.max(0, path.size() - 1)));
            return "unknown key '" + u.getPropertyName() + "'" + (parent.isEmpty() ? "" : " in '" + parent + "'")
                    + " (allowed: " + known + ")";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            return (dotted.isEmpty() || LEADING_KEY.matcher(cause.getMessage()).find() ? "" : dotted + ": ") + cause.getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return dotted + " = '" + f.getValue() + "' is not " + typeName(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Optional<String> text = positions.scalar(path);
            return text.map(t -> dotted + " = '" + t + "' is not " + typeName(m.getTargetType()))
                    .orElse(dotted + ": expected " + typeName(m.getTargetType()));
        }
        return (dotted.isEmpty() ? "" : dotted + ": ") + e.getOriginalMessage();
    }

    private static String typeName(Class<?> type) {
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a section of keys";
        }
        return type.getSimpleName();
    }

    private static List<Object> path(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.add(ref.getIndex());
            }
        }
        return path;
    }

    private static String dotted(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(segment);
            }
        }
        return sb.toString();
    }
}
