package io.flowbill.sandbox;

/**
 * Where a request goes: its endpoint and the container id in the path, or the error for a path or method the API
 * does not have.
 */
record Route(Endpoint endpoint, String idText, ApiError error) {

    private static final String PREFIX = "/api/v1/";

    static Route of(String method, String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            return failed(ApiError.NOT_FOUND);
        }
        String path = rawPath.substring(PREFIX.length());
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] parts = path.split("/", -1);
        if (parts.length == 1 && parts[0].equals("token")) {
            return method(method, "POST", Endpoint.TOKEN, null);
        }
        if (!parts[0].equals("containers")) {
            return failed(ApiError.NOT_FOUND);
        }
        if (parts.length == 1) {
            return switch (method) {
                case "GET" -> new Route(Endpoint.LIST, null, null);
                case "POST" -> new Route(Endpoint.CREATE, null, null);
                default -> failed(ApiError.METHOD_NOT_ALLOWED);
            };
        }
        if (parts.length == 2 && parts[1].equals("images")) {
            return method(method, "GET", Endpoint.IMAGES, null);
        }
        String id = parts[1];
        if (parts.length == 2) {
            return switch (method) {
                case "GET" -> new Route(Endpoint.GET, id, null);
                case "PUT" -> new Route(Endpoint.MODIFY, id, null);
                case "DELETE" -> new Route(Endpoint.DELETE, id, null);
                default -> failed(ApiError.METHOD_NOT_ALLOWED);
            };
        }
        if (parts.length == 3 && parts[2].equals("tag")) {
            return method(method, "POST", Endpoint.TAG, id);
        }
        if (parts.length == 3 && parts[2].equals("flow")) {
            return method(method, "GET", Endpoint.FLOW, id);
        }
        if (parts.length == 4 && parts[2].equals("actions") && parts[3].equals("restart")) {
            return method(method, "PUT", Endpoint.RESTART, id);
        }
        return failed(ApiError.NOT_FOUND);
    }

    /** The container id of the path; 400 if it is not a positive number. */
    long containerId() {
        try {
            long id = Long.parseLong(idText);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw SandboxApiException.invalid("container id must be a positive integer: '" + idText + "'");
    }

    private static Route method(String actual, String expected, Endpoint endpoint, String id) {
        return actual.equals(expected) ? new Route(endpoint, id, null) : failed(ApiError.METHOD_NOT_ALLOWED);
    }

    private static Route failed(ApiError error) {
        return new Route(null, null, error);
    }
}
