package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping of the price book, read through SnakeYAML's node API so that every error names its line,
 * the version and the key's path. Numbers are read as exact {@link BigDecimal} from the scalar's text.
 */
final class YamlMap {

    /** The most digits a number of the price book may have before, and after, its decimal point. */
    static final int MAX_DIGITS = 6;

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final String what;
    private final String source;
    private final String version;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlMap(String source, String version, String path, Node node) {
        this("price book", source, version, path, node);
    }

    /** A mapping of a file read like a price book; {@code what} names the kind of file in errors. */
    YamlMap(String what, String source, String version, String path, Node node) {
        this.what = what;
        this.source = source;
        this.version = version;
        this.path = path;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path.isEmpty() ? null : path, "expected a mapping of keys to values");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), path.isEmpty() ? null : path).getValue();
            if (entries.putIfAbsent(key, tuple) != null) {
                throw error(tuple.getKeyNode(), keyPath(key), "duplicate key");
            }
        }
    }

    /** The non-blank text under {@code key} when {@code node} is a mapping that has one, before any validation. */
    static Optional<String> scalarUnder(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                        && tuple.getValueNode() instanceof ScalarNode v && !v.getValue().isBlank()) {
                    return Optional.of(v.getValue().trim());
                }
            }
        }
        return Optional.empty();
    }

    /** The same mapping, its errors naming the given version. */
    YamlMap inVersion(String name) {
        return new YamlMap(what, source, name, path, node);
    }

    /** A nested mapping under a key of this one. */
    YamlMap map(String key) {
        return new YamlMap(what, source, version, keyPath(key), value(key));
    }

    /** A nested mapping found at a node below this one, under the given path. */
    YamlMap map(Node at, String childPath) {
        return new YamlMap(what, source, version, keyPath(childPath), at);
    }

    void rejectUnknownKeys(Set<String> known) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw error(entry.getValue().getKeyNode(), keyPath(entry.getKey()),
                        "unknown key; known keys are " + known);
            }
        }
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            throw error(node, keyPath(key), "missing key");
        }
        return tuple.getValueNode();
    }

    String text(String key) {
        String text = scalar(value(key), keyPath(key)).getValue().trim();
        if (text.isEmpty()) {
            throw error(value(key), keyPath(key), "missing value");
        }
        return text;
    }

    /**
     * A number of the price book: plain decimal notation with at most {@link #MAX_DIGITS} digits before and after
     * the point, read exactly. Exponent notation ({@code 1e400}), YAML's {@code .nan} and {@code .inf}, and numbers
     * no price, allowance or unit size can sensibly have are refused rather than rounded or overflowed.
     */
    BigDecimal decimal(String key) {
        String text = text(key);
        if (text.matches("[-+]?[0-9.]*[eE].*")) {
            throw error(value(key), keyPath(key), "exponent notation is not accepted: write the number out in plain"
                    + " decimals, like 0.79, was '" + text + "'");
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw error(value(key), keyPath(key), "not a decimal number: '" + text + "'; write it like 0.79");
        }
        BigDecimal number = new BigDecimal(text);
        if (number.precision() - number.scale() > MAX_DIGITS) {
            throw error(value(key), keyPath(key), "too large: at most " + MAX_DIGITS + " digits before the decimal"
                    + " point, was '" + text + "'");
        }
        if (number.scale() > MAX_DIGITS) {
            throw error(value(key), keyPath(key), "too many decimal places: at most " + MAX_DIGITS + ", was '"
                    + text + "'");
        }
        return number;
    }

    /** A price: an exact decimal that is not negative. */
    BigDecimal price(String key) {
        BigDecimal price = decimal(key);
        if (price.signum() < 0) {
            throw error(value(key), keyPath(key), "must not be negative, was " + price.toPlainString());
        }
        return price;
    }

    int positiveInt(String key) {
        return positiveInt(value(key), keyPath(key), text(key));
    }

    int positiveInt(Node at, String keyPath, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(at, keyPath, "not a positive whole number: '" + text + "'");
    }

    Instant instant(String key) {
        String text = text(key);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw error(value(key), keyPath(key), "not a date-time with offset like 2016-12-13T00:00:00+08:00: '"
                    + text + "'");
        }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String text = text(key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw error(value(key), keyPath(key), "unknown value '" + text + "'; known values are "
                + List.of(type.getEnumConstants()));
    }

    List<Node> sequence(String key) {
        if (!(value(key) instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw error(value(key), keyPath(key), "expected a non-empty list");
        }
        return sequence.getValue();
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    PriceBookException error(Node at, String keyPath, String problem) {
        return new PriceBookException(what, source, at.getStartMark().getLine() + 1, version, keyPath, problem);
    }

    private ScalarNode scalar(Node at, String keyPath) {
        if (at instanceof ScalarNode scalar) {
            return scalar;
        }
        throw error(at, keyPath, "expected a single value");
    }
}
