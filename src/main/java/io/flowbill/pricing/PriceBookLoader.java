package io.flowbill.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates a price book written in YAML; the whole book is refused on the first problem with a
 * {@link PriceBookException} naming the line, version and key. The format is described in the pricing README.
 */
public final class PriceBookLoader {

    /** The bundled book with the seed cloud's prices (NOTES.md), the default of {@code flowbill.pricing.price-book}. */
    public static final String BUNDLED = "classpath:pricing/fengchao.yaml";

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";
    private static final Set<String> KEYS = Set.of("currency", "zone", "versions");

    private PriceBookLoader() {
    }

    /** Loads from {@code classpath:some/book.yaml}, {@code file:/some/book.yaml} or a plain file path. */
    public static PriceBook load(String location) {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            InputStream in = PriceBookLoader.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new UncheckedIOException(new IOException("no such resource: " + location));
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return parse(reader, location);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return load(Path.of(location.startsWith(FILE) ? location.substring(FILE.length()) : location));
    }

    public static PriceBook load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read price book " + file, e);
        }
    }

    /** Parses a book from YAML text; {@code source} names it in errors. */
    public static PriceBook parse(String yaml, String source) {
        return parse(new StringReader(yaml), source);
    }

    static PriceBook parse(Reader reader, String source) {
        YamlMap book = new YamlMap(source, null, "", compose(reader, source));
        book.rejectUnknownKeys(KEYS);
        Currency currency = currency(book);
        BillingZone zone = zone(book);
        List<PriceVersion> versions = new ArrayList<>();
        List<Node> nodes = book.sequence("versions");
        for (int i = 0; i < nodes.size(); i++) {
            String label = YamlMap.scalarUnder(nodes.get(i), "name").orElse("#" + (i + 1));
            YamlMap version = new YamlMap(source, label, "", nodes.get(i));
            versions.add(VersionReader.read(version, versions));
        }
        requireWholeHourOffsets(book, zone, versions.get(0));
        return new PriceBook(currency, zone, versions);
    }

    /**
     * A billing day must be whole UTC hours (usage is metered per UTC clock hour), so the zone may use only
     * whole-hour UTC offsets from the first version on; daylight saving by whole hours is fine.
     */
    private static void requireWholeHourOffsets(YamlMap book, BillingZone zone, PriceVersion first) {
        zone.partHourOffsetFrom(first.effectiveFrom()).ifPresent(offset -> {
            throw book.error(book.value("zone"), "zone", "'" + zone.id() + "' uses the UTC offset " + offset
                    + " (from the first version's effective-from on), which is not a whole number of hours: its"
                    + " days would not be whole UTC hours; choose a zone whose offsets are whole hours");
        });
    }

    private static Node compose(Reader reader, String source) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new PriceBookException(source, line, null, null, "not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            throw new PriceBookException(source, 1, null, null, "the price book is empty");
        }
        return root;
    }

    private static Currency currency(YamlMap book) {
        String code = book.text("currency");
        try {
            Currency currency = Currency.getInstance(code);
            Rounding.amountScale(currency);
            return currency;
        } catch (IllegalArgumentException e) {
            throw book.error(book.value("currency"), "currency", "not an ISO 4217 currency with a minor unit"
                    + " known to the JDK: '" + code + "'");
        }
    }

    private static BillingZone zone(YamlMap book) {
        String id = book.text("zone");
        try {
            return new BillingZone(ZoneId.of(id));
        } catch (DateTimeException e) {
            throw book.error(book.value("zone"), "zone", "not a zone known to the JDK: '" + id + "'");
        }
    }
}
