package io.flowbill.cli;

/** Turns a failure into the one line a person reads at the end of a failed run: the innermost useful cause. */
final class OneLineReason {

    private OneLineReason() {
    }

    static String of(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
