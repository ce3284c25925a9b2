package io.flowbill.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code NAME=value} lines of an environment file or a crontab, as cron and systemd read them. */
final class ShippedSettings {

    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=(.*)$");

    private ShippedSettings() {
    }

    static Map<String, String> assignments(String text) {
        Map<String, String> assignments = new LinkedHashMap<>();
        Matcher matcher = ASSIGNMENT.matcher(text);
        while (matcher.find()) {
            assignments.put(matcher.group(1), matcher.group(2).strip());
        }
        return assignments;
    }
}
