package io.flowbill.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses the {@code --date} and {@code --month} options, refusing bad values with a message that shows the form. */
final class CommandDates {

    private CommandDates() {
    }

    /** The {@code --date} option, when given, as a calendar day. */
    static Optional<LocalDate> date(CommandArgs args) {
        return args.option("date").map(text -> {
            try {
                return LocalDate.parse(text.trim());
            }
            catch (DateTimeParseException e) {
                throw new UsageException("--date '" + text + "' is not a calendar day; write it like 2026-11-25");
            }
        });
    }

    static LocalDate requiredDate(CommandArgs args) {
        return date(args).orElseThrow(() -> new UsageException("--date is required, e.g. --date 2026-11-25"));
    }

    static YearMonth requiredMonth(CommandArgs args) {
        String text = args.option("month")
                .orElseThrow(() -> new UsageException("--month is required, e.g. --month 2026-11"));
        try {
            return YearMonth.parse(text.trim());
        }
        catch (DateTimeParseException e) {
            throw new UsageException("--month '" + text + "' is not a month; write it like 2026-11");
        }
    }
}
