package io.flowbill.containerapi;

/**
 * The API answered 404 with code 4040002 (No such container): the container is gone. Callers that meter a fleet treat
 * this as "deleted" rather than as a failure. A 404 without that code (a wrong base URL, a proxy) is not this.
 */
public final class ContainerNotFoundException extends ContainerApiException {

    ContainerNotFoundException(String endpoint, Long containerId, String apiMessage, int attempts) {
        super(endpoint, containerId, 404, NO_SUCH_CONTAINER, apiMessage, attempts, false, "no such container", null);
    }
}
