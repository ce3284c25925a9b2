package io.flowbill.portal;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.springframework.web.util.UriUtils;

/** The portal's addresses, built in one place: {@code /portal/tenants/<tenant>/...}. */
final class PortalPaths {

    static final String ROOT = "/portal";
    static final String TENANTS = ROOT + "/tenants";

    private PortalPaths() {
    }

    /** The tenant's month-to-date page, under which its other pages lie. */
    static String tenant(String tenant) {
        return TENANTS + "/" + UriUtils.encodePathSegment(tenant, StandardCharsets.UTF_8);
    }

    /** {@code invoice-2026-11.pdf} of the tenant: the same bytes the export writes. */
    static String invoiceFile(String tenant, YearMonth month, String extension) {
        return tenant(tenant) + "/invoices/" + month + "." + extension;
    }

    /** A credit note's file, by its base name ({@code credit-note-2026-11-1}). */
    static String creditNoteFile(String tenant, YearMonth issuedIn, String baseName, String extension) {
        return tenant(tenant) + "/credit-notes/" + issuedIn + "/" + baseName + "." + extension;
    }
}
