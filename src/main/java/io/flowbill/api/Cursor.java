package io.flowbill.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * The opaque {@code after} cursor of a list: the sort key of the last item of a page, for the keyset query of the
 * next one. Encoded as base64url of the list's name and the key's values, so a cursor of one list is refused by
 * another; clients pass it back as they got it.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";
    private static final String VERSION = "1";

    private Cursor() {
    }

    /** The cursor after an item whose sort key has these values. */
    public static String encode(String list, Object... key) {
        StringBuilder text = new StringBuilder(VERSION).append(SEPARATOR).append(list);
        for (Object value : key) {
            text.append(SEPARATOR).append(value == null ? "" : value.toString());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key a cursor of {@code list} holds ({@code values} values); null for no cursor (the first page).
     *
     * @throws BadParameterException when the text is not a cursor of this list
     */
    public static Key decode(String list, String cursor, int values) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw badCursor();
        }
        List<String> parts = Arrays.asList(text.split(SEPARATOR, -1));
        if (parts.size() != values + 2 || !parts.get(0).equals(VERSION) || !parts.get(1).equals(list)) {
            throw badCursor();
        }
        return new Key(parts.subList(2, parts.size()));
    }

    /** The values of a cursor's sort key, read by position; a value that does not parse is a bad cursor. */
    public record Key(List<String> values) {

        public String text(int i) {
            return values.get(i);
        }

        public long number(int i) {
            return read(() -> Long.parseLong(values.get(i)));
        }

        public int integer(int i) {
            return read(() -> Integer.parseInt(values.get(i)));
        }

        public BigDecimal decimal(int i) {
            return read(() -> new BigDecimal(values.get(i)));
        }

        public LocalDate date(int i) {
            return read(() -> LocalDate.parse(values.get(i)));
        }

        public YearMonth month(int i) {
            return read(() -> YearMonth.parse(values.get(i)));
        }

        public Instant instant(int i) {
            return read(() -> Instant.parse(values.get(i)));
        }

        private static <T> T read(Supplier<T> value) {
            try {
                return value.get();
            }
            catch (RuntimeException e) {
                throw badCursor();
            }
        }
    }

    /** The problem of a cursor that was not handed out by this list, or whose values do not parse. */
    static BadParameterException badCursor() {
        return new BadParameterException("after", "'after' is not a cursor of this list: pass the 'next' value of"
                + " the previous page as it is, or leave 'after' out to start from the first page");
    }
}
