package io.flowbill.containerapi;

/**
 * The API's endpoints with their stable names (metric tags, exception fields) and whether repeating a request that
 * may have reached the server is harmless. Creation and tagging are not repeated after a timeout, a dropped
 * connection or a 5xx, as that could create a second container or image; they are after a rate-limit answer or a
 * connection that never opened.
 */
enum Endpoint {
    TOKEN("token", "POST", true),
    IMAGES("images", "GET", true),
    CREATE("create", "POST", false),
    MODIFY("modify", "PUT", true),
    LIST("list", "GET", true),
    GET("get", "GET", true),
    DELETE("delete", "DELETE", true),
    RESTART("restart", "PUT", true),
    SAVE_IMAGE("save_image", "POST", false),
    FLOW("flow", "GET", true);

    private final String tag;
    private final String method;
    private final boolean repeatable;

    Endpoint(String tag, String method, boolean repeatable) {
        this.tag = tag;
        this.method = method;
        this.repeatable = repeatable;
    }

    String tag() {
        return tag;
    }

    String method() {
        return method;
    }

    boolean repeatable() {
        return repeatable;
    }
}
