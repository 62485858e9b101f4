package io.cryptobridge.config;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of the YAML tree together with its key path, so that every reading method can report a
 * mistake with the file, the line and the key. Reading is strict: no type coercion, no unknown or
 * duplicate keys.
 */
final class ConfigNode {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

    private final Path file;
    private final String path;
    private final Node node;
    private final int keyLine;

    ConfigNode(Path file, String path, Node node) {
        this(file, path, node, 0);
    }

    private ConfigNode(Path file, String path, Node node, int keyLine) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.keyLine = keyLine;
    }

    String path() {
        return path;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    ConfigException error(String problem) {
        return new ConfigException(file, line(), path, problem);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /**
     * The entries of a mapping, in file order.
     *
     * @param allowed the keys that may appear; any other key is reported
     */
    Map<String, ConfigNode> mapping(Collection<String> allowed) {
        Map<String, ConfigNode> entries = entries();
        for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw new ConfigException(
                        file,
                        entry.getValue().keyLine(),
                        entry.getValue().path,
                        "unknown key (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
        return entries;
    }

    /** The entries of a mapping whose keys are names chosen by the user (e.g. backend names). */
    Map<String, ConfigNode> entries() {
        if (!(node instanceof MappingNode)) {
            throw error("expected a mapping, found " + describe(node));
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = keyNode.getStartMark().getLine() + 1;
            if (!(keyNode instanceof ScalarNode) || keyNode.getTag().equals(Tag.NULL)) {
                throw new ConfigException(
                        file, keyLine, path, "expected text keys, found " + describe(keyNode));
            }
            String key = ((ScalarNode) keyNode).getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (entries.containsKey(key)) {
                throw new ConfigException(file, keyLine, childPath, "duplicate key");
            }
            entries.put(key, new ConfigNode(file, childPath, tuple.getValueNode(), keyLine));
        }
        return entries;
    }

    /** The line of this node's key in its parent mapping (the value's line otherwise). */
    int keyLine() {
        return keyLine > 0 ? keyLine : line();
    }

    List<ConfigNode> sequence() {
        if (!(node instanceof SequenceNode)) {
            throw error("expected a list, found " + describe(node));
        }
        List<ConfigNode> items = new ArrayList<>();
        List<Node> values = ((SequenceNode) node).getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new ConfigNode(file, path + "[" + i + "]", values.get(i)));
        }
        return items;
    }

    String string() {
        if (!isScalar(Tag.STR)) {
            throw error("expected a string, found " + describe(node));
        }
        return ((ScalarNode) node).getValue();
    }

    long integer(long min, long max) {
        if (!isScalar(Tag.INT)) {
            throw error("expected an integer, found " + describe(node));
        }
        String text = ((ScalarNode) node).getValue().replace("_", "");
        // YAML 1.1 also reads 017 as octal, 0x1f as hex and 1:30 as base 60; accept only the
        // form nobody misreads.
        if (!DECIMAL.matcher(text).matches()) {
            throw error("expected a decimal integer without leading zeros");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0
                || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error("expected an integer from " + min + " to " + max + ", found " + value);
        }
        return value.longValueExact();
    }

    boolean bool() {
        if (!isScalar(Tag.BOOL)) {
            throw error("expected true or false, found " + describe(node));
        }
        // YAML 1.1 also reads yes/no/on/off as booleans; only the two unambiguous words count.
        String text = ((ScalarNode) node).getValue();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw error("expected true or false, found '" + text + "'");
        }
        return lower.equals("true");
    }

    private boolean isScalar(Tag tag) {
        return node instanceof ScalarNode && node.getTag().equals(tag);
    }

    /** How a node is described in "found ..." messages; never its text, which may be secret. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.STR)) {
            return "a string";
        }
        if (tag.equals(Tag.INT)) {
            return "an integer";
        }
        if (tag.equals(Tag.FLOAT)) {
            return "a decimal number";
        }
        if (tag.equals(Tag.BOOL)) {
            return "a boolean";
        }
        if (tag.equals(Tag.NULL)) {
            return "an empty value";
        }
        return "a value tagged " + tag.getValue();
    }
}
