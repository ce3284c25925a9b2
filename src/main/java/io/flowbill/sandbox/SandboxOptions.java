package io.flowbill.sandbox;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Parses the standalone options into a {@link SandboxConfig}; errors name the option. */
final class SandboxOptions {

    /** {@code --help} was given. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private SandboxOptions() {
    }

    static SandboxConfig parse(String[] args, SandboxConfig start) {
        SandboxConfig config = start;
        FaultConfig faults = start.faults();
        String appKey = null;
        String appSecret = null;
        int i = args.length > 0 && args[0].equals("sandbox") ? 1 : 0;
        while (i < args.length) {
            String arg = args[i++];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            String option = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            } else if (i < args.length) {
                value = args[i++];
            } else {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            switch (option) {
                case "--host" -> config = config.withHost(value);
                case "--port" -> config = config.withPort(integer(option, value, 0, 65_535));
                case "--containers" -> config = config.withContainers(integer(option, value, 0, 20_000_000));
                case "--seed" -> config = config.withSeed(longValue(option, value));
                case "--flow-format" -> config = config.withFlowFormat(choice(option, value, FlowFormat.class));
                case "--time-unit" -> config = config.withTimeUnit(choice(option, value, FlowTimeUnit.class));
                case "--threads" -> config = config.withThreads(integer(option, value, 1, 10_000));
                case "--token-ttl-seconds" -> config = config.withTokenTtl(seconds(option, value, 1));
                case "--app-key" -> appKey = value;
                case "--app-secret" -> appSecret = value;
                case "--token" -> config = config.withStaticToken(value);
                case "--provisioning-seconds" -> config = config.withProvisioningTime(seconds(option, value, 0));
                case "--deletion-seconds" -> config = config.withDeletionTime(seconds(option, value, 0));
                case "--latency-ms" -> faults = faults.withLatency(millis(option, value), faults.latencyJitter());
                case "--latency-jitter-ms" -> faults = faults.withLatency(faults.latency(), millis(option, value));
                case "--rate-limit" -> faults = faults.withRateLimitPerSecond(integer(option, value, 0, 1_000_000));
                case "--server-error-rate" -> faults = faults.withServerErrorRate(rate(option, value));
                case "--unavailable-rate" -> faults = faults.withUnavailableRate(rate(option, value));
                case "--too-many-requests-rate" ->
                    faults = faults.withTooManyRequests(rate(option, value), faults.retryAfterSeconds());
                case "--retry-after-seconds" -> faults = faults.withTooManyRequests(faults.tooManyRequestsRate(),
                        integer(option, value, 0, 86_400));
                case "--malformed-flow-rate" -> faults = faults.withMalformedFlowRate(rate(option, value));
                case "--drop-connection-rate" -> faults = faults.withDropConnectionRate(rate(option, value));
                case "--list-churn" -> faults = faults.withListChurnPerPage(integer(option, value, 0, 1000));
                case "--images" -> config = config.withImages(images(option, value));
                case "--fleet-anchor" -> config = config.withFleetAnchor(instant(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if ((appKey == null) != (appSecret == null)) {
            throw new IllegalArgumentException("options --app-key and --app-secret go together");
        }
        if (appKey != null) {
            config = config.withCredentials(appKey, appSecret);
        }
        Instant startsAt = config.clock().instant();
        if (config.fleetAnchor() != null && config.fleetAnchor().isAfter(startsAt)) {
            throw new IllegalArgumentException("option --fleet-anchor " + config.fleetAnchor()
                    + " is after the start time " + startsAt + ": the fleet would still be appearing; give an earlier"
                    + " instant");
        }
        return config.withFaults(faults);
    }

    private static int integer(String option, String value, int min, int max) {
        long parsed = longValue(option, value);
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("option " + option + " must be in [" + min + ", " + max + "], was "
                    + value);
        }
        return (int) parsed;
    }

    private static long longValue(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " expects an integer, got '" + value + "'");
        }
    }

    private static ImageCatalog images(String option, String value) {
        try {
            return ImageCatalog.read(Path.of(value));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("option " + option + " expects a file, got '" + value + "'");
        }
    }

    private static Instant instant(String option, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("option " + option + " expects an instant like 2026-11-01T00:00:00Z, got '"
                    + value + "'");
        }
    }

    private static Duration seconds(String option, String value, int min) {
        return Duration.ofSeconds(integer(option, value, min, Integer.MAX_VALUE));
    }

    private static Duration millis(String option, String value) {
        return Duration.ofMillis(integer(option, value, 0, 600_000));
    }

    private static double rate(String option, String value) {
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("option " + option + " expects a rate in [0, 1], got '" + value + "'");
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + option + " expects one of "
                    + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }
}
