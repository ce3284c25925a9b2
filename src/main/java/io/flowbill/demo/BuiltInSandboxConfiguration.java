package io.flowbill.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.flowbill.accounts.Account;
import io.flowbill.accounts.Accounts;
import io.flowbill.containerapi.ContainerApiProperties;
import io.flowbill.pricing.PricingProperties;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.DemoMode;

/**
 * In the demo ({@link DemoMode}): a sandbox started in this process ({@code flowbill.sandbox.*}) and the one account
 * {@code demo} pointed at it, so that flowbill works on a fresh machine. Outside the demo the accounts come from
 * {@code accounts}' configuration; either way clients are made by {@code AccountClients}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.On.class)
class BuiltInSandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BuiltInSandboxConfiguration.class);

    @Bean(destroyMethod = "close")
    SandboxServer builtInSandbox(SandboxProperties properties) {
        SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults()
                .withContainers(properties.containers())
                .withSeed(properties.seed())
                .withFleetAnchor(properties.fleetAnchor()));
        log.info("DEMO: using the built-in sandbox at {} ({} simulated containers, seed {}), tenant demo",
                sandbox.baseUrl(), properties.containers(), properties.seed());
        return sandbox;
    }

    /** The demo's one account, tenant {@code demo}, on the built-in sandbox (with the configured plan, if any). */
    @Bean
    Accounts accounts(ContainerApiProperties properties, SandboxServer builtInSandbox, PricingProperties pricing) {
        return new Accounts(List.of(new Account(DemoMode.TENANT, properties.withBaseUrl(builtInSandbox.baseUrl())
                .withToken(builtInSandbox.token()), pricing.plan())));
    }
}
