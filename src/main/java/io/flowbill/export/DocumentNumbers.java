package io.flowbill.export;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * The numbers of an invoice, {@code <tenant>-<YYYYMM>}, and of a credit note, {@code <tenant>-CN-<YYYYMM>-<n>} (the
 * month it corrects, its place in that month's series), and the base name of a credit note's files.
 */
public final class DocumentNumbers {

    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");

    private DocumentNumbers() {
    }

    /** The invoice number: the tenant and the month, {@code acme-202611}; the same for every rewrite of it. */
    public static String invoice(String tenant, YearMonth month) {
        return tenant + "-" + month.format(YYYYMM);
    }

    /** The credit note number, e.g. {@code acme-CN-202611-1}: a series of its own. */
    public static String creditNote(String tenant, YearMonth corrects, int sequence) {
        return tenant + "-CN-" + corrects.format(YYYYMM) + "-" + sequence;
    }

    /** A credit note's files' name without extension: {@code credit-note-<YYYY-MM>-<n>}. */
    public static String creditNoteFiles(YearMonth corrects, int sequence) {
        return "credit-note-" + corrects + "-" + sequence;
    }
}
