package io.flowbill.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the API's query parameters, each refused with a problem that names it and shows a valid value. */
public final class Parameters {

    private Parameters() {
    }

    /** A month {@code YYYY-MM}; null when not given. */
    public static YearMonth month(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        }
        catch (DateTimeParseException e) {
            throw new BadParameterException(name, "'" + name + "' must be a month as YYYY-MM, e.g. 2026-11, was '"
                    + value + "'");
        }
    }

    /** A day {@code YYYY-MM-DD}, required. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new BadParameterException(name, "'" + name + "' is required: a day as YYYY-MM-DD, e.g. 2026-11-25");
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            throw new BadParameterException(name, "'" + name + "' must be a day as YYYY-MM-DD, e.g. 2026-11-25, was '"
                    + value + "'");
        }
    }

    /** A limit as text: the default when not given. */
    public static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return Limit.of(null);
        }
        try {
            return Limit.of(Integer.valueOf(value));
        }
        catch (NumberFormatException e) {
            throw new BadParameterException("limit", "'limit' must be a whole number between 1 and " + Limit.MAX
                    + ", was '" + value + "'");
        }
    }

    /** {@code true} or {@code false}; null when not given. */
    public static Boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadParameterException(name, "'" + name + "' must be true or false, was '" + value
                    + "'");
        };
    }

    /** One of the names of {@code values} (any case); null when not given. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> values) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E candidate : values.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E candidate : values.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(candidate.name().toLowerCase(Locale.ROOT));
        }
        throw new BadParameterException(name, "'" + name + "' must be one of " + names + ", was '" + value + "'");
    }

    /** Refuses a range whose start lies after its end. */
    public static void ordered(String fromName, LocalDate from, String toName, LocalDate to) {
        if (from.isAfter(to)) {
            throw new BadParameterException(fromName, "'" + fromName + "' (" + from + ") lies after '" + toName
                    + "' (" + to + "): give the earlier day as '" + fromName + "'");
        }
    }
}
