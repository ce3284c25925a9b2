package io.flowbill.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the date-like option values, each refusing a bad value with the form to write instead; the error
 * handler puts the option and the value in front ({@code --date '2026-13-01' is not a calendar day; ...}).
 */
final class OptionValues {

    /** An example value per option type, for "is required, e.g. ..." answers. */
    static final Map<Class<?>, String> EXAMPLES = Map.of(LocalDate.class, "2026-11-25", YearMonth.class, "2026-11",
            Instant.class, "2026-11-25T00:00:00Z");

    private OptionValues() {
    }

    /** A bad value; its message continues "OPTION 'VALUE' ...". */
    static final class BadValue extends TypeConversionException {

        BadValue(String message) {
            super(message);
        }
    }

    static final class Day implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            return parse(value, LocalDate::parse, "is not a calendar day; write it like 2026-11-25");
        }
    }

    static final class Month implements ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            return parse(value, YearMonth::parse, "is not a month; write it like 2026-11");
        }
    }

    static final class Moment implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return parse(value, Instant::parse, "is not an ISO-8601 instant; write it like 2026-11-25T00:00:00Z");
        }
    }

    private static <T> T parse(String value, Function<String, T> parser, String problem) {
        try {
            return parser.apply(value.trim());
        }
        catch (DateTimeParseException e) {
            throw new BadValue(problem);
        }
    }
}
