package io.flowbill.sandbox;

import java.util.Set;

/** Container status strings as the API prints them, plus the sandbox-internal {@link #GONE}. */
final class Status {

    static final String CREATING = "creating";
    static final String CREATE_SUCC = "create_succ";
    static final String CREATE_FAIL = "create_fail";
    static final String CREATE_TIMEOUT = "create_timeout";
    static final String RESTART_SUCC = "restart_succ";
    static final String UPDATE_ING = "update_ing";
    static final String UPDATE_SUCC = "update_succ";
    static final String RESIZE_SUCC = "resize_succ";
    static final String DELETE_ING = "delete_ing";
    static final String DELETE_FAIL = "delete_fail";
    /** Statuses seen in the wild that the document does not list. */
    static final String MIGRATE_ING = "migrate_ing";
    static final String SUSPENDED = "suspended";
    /** Never printed: the container no longer exists. */
    static final String GONE = "gone";

    private static final Set<String> NEVER_RAN = Set.of(CREATING, CREATE_FAIL, CREATE_TIMEOUT);

    private Status() {
    }

    /** Whether a container in this status has its addresses (it got past creation). */
    static boolean hasAddresses(String status) {
        return !NEVER_RAN.contains(status);
    }

    /** Whether a container that ends in this status never ran, so never transferred anything. */
    static boolean neverRan(String status) {
        return NEVER_RAN.contains(status);
    }

    /** Whether the container stopped transferring at this status (its deletion began). */
    static boolean endsTraffic(String status) {
        return DELETE_ING.equals(status) || GONE.equals(status);
    }
}
