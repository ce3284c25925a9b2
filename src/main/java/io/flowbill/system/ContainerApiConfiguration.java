package io.flowbill.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.containerapi.ContainerApiProperties;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The container API client, pointed at {@code flowbill.api.base-url}, or, in the demo ({@link DemoMode}), at a
 * sandbox started in this process (the first-run default: flowbill works on a fresh machine).
 */
@Configuration(proxyBeanMethods = false)
class ContainerApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ContainerApiConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoApiConfigured.class)
    SandboxServer builtInSandbox(SandboxProperties properties) {
        SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults()
                .withContainers(properties.containers())
                .withSeed(properties.seed())
                .withFleetAnchor(properties.fleetAnchor()));
        log.info("DEMO: using the built-in sandbox at {} ({} simulated containers, seed {}), tenant demo",
                sandbox.baseUrl(), properties.containers(), properties.seed());
        return sandbox;
    }

    @Bean(destroyMethod = "close")
    ContainerApiClient containerApiClient(ContainerApiProperties properties, ObjectProvider<SandboxServer> sandbox,
            MeterRegistry registry) {
        ContainerApiProperties effective = properties;
        SandboxServer builtIn = sandbox.getIfAvailable();
        if (builtIn != null) {
            effective = properties.withBaseUrl(builtIn.baseUrl()).withToken(builtIn.token());
        }
        else if (!properties.hasCredentials()) {
            throw new IllegalStateException("flowbill.api.base-url is " + properties.baseUrl()
                    + " but no credentials are configured: set FLOWBILL_API_TOKEN, FLOWBILL_API_TOKEN_FILE,"
                    + " or FLOWBILL_API_APP_KEY with FLOWBILL_API_APP_SECRET");
        }
        return new ContainerApiClient(effective, registry);
    }
}
