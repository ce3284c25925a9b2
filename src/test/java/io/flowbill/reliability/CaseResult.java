package io.flowbill.reliability;

import java.util.List;

/**
 * How one case ended.
 *
 * @param name       the case
 * @param observed   what the test saw when the fault struck
 * @param runs       runs of the same command after the fault (or, for fault rates, in all) until one exited 0
 * @param completed  whether one of them exited 0
 * @param lastReason why the last failed run failed, or empty
 * @param difference rows lost and duplicated against the reference
 * @param files      export files that differ from the reference
 */
record CaseResult(String name, String observed, int runs, boolean completed, String lastReason,
        BillingRows.Difference difference, List<String> files) {

    boolean survived() {
        return completed && difference.lostRows() == 0 && difference.duplicatedRows() == 0 && files.isEmpty();
    }

    String describe() {
        return name + ": survived " + (survived() ? "yes" : "no") + ", runs " + runs + (completed ? "" : " (none exited 0)")
                + ", " + difference + ", files differing " + files
                + (lastReason.isEmpty() ? "" : ", last failure: " + lastReason) + "; at the fault: " + observed;
    }

    /** The results as a Markdown table: case, survived, attempts, rows lost, rows duplicated, files differing. */
    static String table(List<CaseResult> results) {
        StringBuilder text = new StringBuilder(
                "| case | survived | attempts | rows lost | rows duplicated | files differing |\n|---|---|---|---|---|---|\n");
        for (CaseResult r : results) {
            text.append("| ").append(r.name()).append(" | ").append(r.survived() ? "yes" : "no").append(" | ")
                    .append(r.runs()).append(r.completed() ? "" : " (none exited 0)").append(" | ")
                    .append(r.difference().lostRows()).append(" | ").append(r.difference().duplicatedRows())
                    .append(" | ").append(r.files().size()).append(" |\n");
        }
        return text.toString();
    }
}
