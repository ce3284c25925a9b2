package io.flowbill.containerapi;

import java.util.Objects;

/**
 * One logical API call: which endpoint, the path with its query, the container it concerns, the JSON body to send
 * and the type to read a 2xx answer as ({@code Void} to ignore it).
 */
record ApiCall<T>(Endpoint endpoint, String pathAndQuery, Long containerId, Object body, Class<T> responseType) {

    ApiCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(responseType, "responseType");
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + pathAndQuery);
        }
    }

    static <T> ApiCall<T> of(Endpoint endpoint, String path, Class<T> responseType) {
        return new ApiCall<>(endpoint, path, null, null, responseType);
    }

    static <T> ApiCall<T> forContainer(Endpoint endpoint, long containerId, String path, Object body, Class<T> responseType) {
        return new ApiCall<>(endpoint, path, containerId, body, responseType);
    }
}
