package io.flowbill.containerapi;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A container status exactly as the API wrote it.
 *
 * <p>The document knows an operation (create, update, resize, delete) combined with a phase (ing, succ, fail,
 * timeout), spelled {@code creating} in one place and {@code create_succ} in another; {@code restart_succ} occurs in
 * real output. Those are understood ({@link #operation()}, {@link #phase()}); anything else is kept as its raw string
 * and reported as unknown, never rejected.
 *
 * @param value the raw status, never {@code null}
 */
public record ContainerStatus(String value) {

    /** The operation a status refers to. */
    public enum Operation { CREATE, UPDATE, RESIZE, DELETE, RESTART }

    /** How far that operation got. */
    public enum Phase { IN_PROGRESS, SUCCEEDED, FAILED, TIMED_OUT }

    public static final ContainerStatus CREATING = new ContainerStatus("creating");
    public static final ContainerStatus CREATE_SUCC = new ContainerStatus("create_succ");
    public static final ContainerStatus CREATE_FAIL = new ContainerStatus("create_fail");
    public static final ContainerStatus DELETING = new ContainerStatus("deleting");
    public static final ContainerStatus DELETE_SUCC = new ContainerStatus("delete_succ");

    private static final Pattern UNDERSCORED = Pattern.compile("(create|update|resize|delete|restart)_(ing|succ|fail|timeout)");
    private static final Map<String, Operation> GERUNDS = Map.of(
            "creating", Operation.CREATE, "updating", Operation.UPDATE, "resizing", Operation.RESIZE,
            "deleting", Operation.DELETE, "restarting", Operation.RESTART);

    public ContainerStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The status for a raw API value; {@code null} stays {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ContainerStatus of(String value) {
        return value == null ? null : new ContainerStatus(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Whether the status is one of the documented or observed forms. */
    public boolean isKnown() {
        return operation() != null;
    }

    /** The operation, or {@code null} for an unknown status. */
    public Operation operation() {
        String normalized = normalized();
        Matcher m = UNDERSCORED.matcher(normalized);
        if (m.matches()) {
            return Operation.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        }
        return GERUNDS.get(normalized);
    }

    /** The phase, or {@code null} for an unknown status. */
    public Phase phase() {
        String normalized = normalized();
        Matcher m = UNDERSCORED.matcher(normalized);
        if (m.matches()) {
            return switch (m.group(2)) {
                case "ing" -> Phase.IN_PROGRESS;
                case "succ" -> Phase.SUCCEEDED;
                case "fail" -> Phase.FAILED;
                default -> Phase.TIMED_OUT;
            };
        }
        return GERUNDS.containsKey(normalized) ? Phase.IN_PROGRESS : null;
    }

    private String normalized() {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
