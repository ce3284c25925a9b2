package io.flowbill.sandbox;

/** The endpoints of the container API, for request counts and targeted faults. */
public enum Endpoint {
    /** {@code POST /api/v1/token}. */
    TOKEN,
    /** {@code GET /api/v1/containers/images}. */
    IMAGES,
    /** {@code POST /api/v1/containers}. */
    CREATE,
    /** {@code PUT /api/v1/containers/{id}}. */
    MODIFY,
    /** {@code GET /api/v1/containers}. */
    LIST,
    /** {@code GET /api/v1/containers/{id}}. */
    GET,
    /** {@code DELETE /api/v1/containers/{id}}. */
    DELETE,
    /** {@code PUT /api/v1/containers/{id}/actions/restart}. */
    RESTART,
    /** {@code POST /api/v1/containers/{id}/tag}. */
    TAG,
    /** {@code GET /api/v1/containers/{id}/flow}. */
    FLOW
}
