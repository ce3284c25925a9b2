package io.flowbill.pricing;

import java.util.Optional;
import java.util.function.UnaryOperator;

import io.flowbill.system.Diagnosable;

/**
 * A price book that cannot be loaded; the whole book is refused on the first problem. The message names the
 * source, line, version and key: {@code price book fengchao.yaml: line 14, version 'fengchao-2017-05',
 * key 'specs.20.on-demand-per-hour': must not be negative, was -0.2}.
 */
public class PriceBookException extends RuntimeException implements Diagnosable {

    private final int line;
    private final String version;
    private final String key;

    /**
     * @param source the file or resource the book came from
     * @param line 1-based line of the problem
     * @param version the version's name (or {@code #n} before its name is known); {@code null} at book level
     * @param key the key's path in the version or book; {@code null} when the problem is not one key's
     * @param problem what is wrong, in words
     */
    public PriceBookException(String source, int line, String version, String key, String problem) {
        this("price book", source, line, version, key, problem);
    }

    /**
     * A problem of a file read like a price book, such as a price plan; {@code what} starts the message, e.g.
     * {@code price plan}.
     */
    public PriceBookException(String what, String source, int line, String version, String key, String problem) {
        super(what + " " + source + ": line " + line
                + (version == null ? "" : ", version '" + version + "'")
                + (key == null ? "" : ", key '" + key + "'")
                + ": " + problem);
        this.line = line;
        this.version = version;
        this.key = key;
    }

    public int line() {
        return line;
    }

    public String version() {
        return version;
    }

    public String key() {
        return key;
    }

    /** The message is the whole line: it names the source, line, version and key. */
    @Override
    public Optional<String> diagnosis(String during, UnaryOperator<String> setting) {
        return Optional.of(getMessage());
    }
}
