package io.flowbill.system;

import org.springframework.core.NestedExceptionUtils;

/**
 * Turns a failure into the one line a person reads at the end of a failed run: the innermost cause's message
 * (Spring Batch and the JDK wrap the failure that says what went wrong), whitespace folded.
 */
public final class OneLineReason {

    private OneLineReason() {
    }

    public static String of(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
