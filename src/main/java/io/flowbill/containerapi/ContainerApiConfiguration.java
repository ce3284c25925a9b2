package io.flowbill.containerapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.flowbill.system.DemoMode;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The container API client, pointed at {@code flowbill.api.base-url} with its credentials; refused without them.
 * In the demo ({@link DemoMode}) the client talks to the built-in sandbox instead ({@code demo}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.Off.class)
class ContainerApiConfiguration {

    @Bean(destroyMethod = "close")
    ContainerApiClient containerApiClient(ContainerApiProperties properties, MeterRegistry registry) {
        if (!properties.hasCredentials()) {
            throw new IllegalStateException("flowbill.api.base-url is " + properties.baseUrl()
                    + " but no credentials are configured: set FLOWBILL_API_TOKEN, FLOWBILL_API_TOKEN_FILE,"
                    + " or FLOWBILL_API_APP_KEY with FLOWBILL_API_APP_SECRET");
        }
        return new ContainerApiClient(properties, registry);
    }
}
