package io.flowbill.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates a price book written in YAML; the whole book is refused on the first problem with a
 * {@link PriceBookException} naming the line, version and key. The format is described in docs/billing-rules.md ("The price book file").
 */
public final class PriceBookLoader {

    /** The bundled book with the seed cloud's prices (docs/billing-rules.md), the default of {@code flowbill.pricing.price-book}. */
    public static final String BUNDLED = "classpath:pricing/fengchao.yaml";

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";
    private static final Set<String> KEYS = Set.of("currency", "zone", "versions");

    private PriceBookLoader() {
    }

    /** Loads from {@code classpath:some/book.yaml}, {@code file:/some/book.yaml} or a plain file path. */
    public static PriceBook load(String location) {
        return read(location, "price book", PriceBookLoader::parse);
    }

    public static PriceBook load(Path file) {
        return read(file, "price book", PriceBookLoader::parse);
    }

    /**
     * Reads a YAML file like a price book from {@code classpath:...}, {@code file:...} or a plain file path and
     * hands its text to {@code parse}; {@code what} names the kind of file in errors ({@code price plan}).
     */
    static <T> T read(String location, String what, BiFunction<Reader, String, T> parse) {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            InputStream in = PriceBookLoader.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new UncheckedIOException(new IOException("no such resource: " + location));
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return parse.apply(reader, location);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read(Path.of(location.startsWith(FILE) ? location.substring(FILE.length()) : location), what, parse);
    }

    static <T> T read(Path file, String what, BiFunction<Reader, String, T> parse) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file, e);
        }
        return parse.apply(new StringReader(utf8(bytes, file.toString(), what)), file.toString());
    }

    /** The text of a book's bytes; a book that is not UTF-8 is refused with the offset and line of the first bad byte. */
    private static String utf8(byte[] bytes, String source, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new PriceBookException(what, source, line, null, null, String.format("not UTF-8: byte 0x%02X at"
                    + " offset %d cannot start a UTF-8 character; save the file as UTF-8", bytes[offset] & 0xFF, offset));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Parses a book from YAML text; {@code source} names it in errors. */
    public static PriceBook parse(String yaml, String source) {
        return parse(new StringReader(yaml), source);
    }

    static PriceBook parse(Reader reader, String source) {
        YamlMap book = new YamlMap(source, null, "", compose(reader, source, "price book"));
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

    /** The YAML document of a file read like a price book; {@code what} names the kind of file in errors. */
    static Node compose(Reader reader, String source, String what) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new PriceBookException(what, source, line, null, null, "not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            throw new PriceBookException(what, source, 1, null, null, "the " + what + " is empty");
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
            throw book.error(book.value("currency"), "currency", "not an ISO 4217 currency with a minor unit of"
                    + " at most " + Rounding.MAX_AMOUNT_SCALE + " decimals known to the JDK: '" + code + "'");
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
