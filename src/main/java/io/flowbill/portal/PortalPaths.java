package io.flowbill.portal;

import java.nio.charset.StandardCharsets;

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
}
