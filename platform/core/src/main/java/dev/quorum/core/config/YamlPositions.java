package dev.quorum.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Line and column of a key in a YAML file, found by walking SnakeYAML's node tree (which keeps
 * every node's position), so config errors point at the key the user wrote rather than at where
 * the parser happened to stop.
 */
final class YamlPositions {

    private final Node root;

    private YamlPositions(Node root) {
        this.root = root;
    }

    static YamlPositions of(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new YamlPositions(new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader));
        } catch (IOException | RuntimeException e) {
            return new YamlPositions(null);
        }
    }

    /**
     * @param path field names, and integer indexes into lists
     * @return {@code :line:column} (1-based) of the last key on the path, or empty if not found
     */
    Optional<String> where(List<Object> path) {
        return find(path).map(n -> ":" + (n.getStartMark().getLine() + 1) + ":" + (n.getStartMark().getColumn() + 1));
    }

    /**
     * @param path field names and list indexes
     * @return the scalar text of the value at the path, if it is a scalar
     */
    Optional<String> scalar(List<Object> path) {
        return find(path).flatMap(keyNode -> valueOf(path)).filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).getValue());
    }

    /** Finds the key node (or list item node) at the end of the path. */
    private Optional<Node> find(List<Object> path) {
        Node node = root;
        Node found = null;
        for (Object segment : path) {
            if (node instanceof MappingNode map && segment instanceof String name) {
                NodeTuple tuple = map.getValue().stream()
                        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)).findFirst().orElse(null);
                if (tuple == null) {
                    return Optional.empty();
                }
                found = tuple.getKeyNode();
                node = tuple.getValueNode();
            } else if (node instanceof SequenceNode seq && segment instanceof Integer i && i < seq.getValue().size()) {
                node = seq.getValue().get(i);
                found = node;
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(found);
    }

    private Optional<Node> valueOf(List<Object> path) {
        Node node = root;
        for (Object segment : path) {
            if (node instanceof MappingNode map && segment instanceof String name) {
                node = map.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name))
                        .map(NodeTuple::getValueNode).findFirst().orElse(null);
            } else if (node instanceof SequenceNode seq && segment instanceof Integer i && i < seq.getValue().size()) {
                node = seq.getValue().get(i);
            } else {
                return Optional.empty();
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }
}
