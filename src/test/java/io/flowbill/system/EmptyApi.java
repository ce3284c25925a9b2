package io.flowbill.system;

import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;

/**
 * A sandbox of the container API with no containers, for tests that write usage straight into the database and
 * never call the API: it completes the configuration (an API and a database) without turning on the demo.
 */
public final class EmptyApi {

    private static final SandboxServer SANDBOX = SandboxServer.start(SandboxConfig.defaults().withContainers(0));

    private EmptyApi() {
    }

    /** {@code flowbill.api.base-url} and its token, pointing at the shared empty sandbox. */
    static Map<String, Object> settings() {
        return Map.of("flowbill.api.base-url", SANDBOX.baseUrl().toString(), "flowbill.api.token", SANDBOX.token());
    }

    /** Points {@code flowbill.api.base-url} and its token at the shared empty sandbox. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("flowbill.api.base-url", () -> SANDBOX.baseUrl().toString());
        registry.add("flowbill.api.token", SANDBOX::token);
    }
}
