package io.flowbill.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.flowbill.containerapi.ContainerApiProperties;
import io.flowbill.pricing.TenantPriceBooks;
import io.flowbill.pricing.PricingProperties;
import io.flowbill.system.DemoMode;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The accounts of a real run ({@link DemoMode} off): {@code flowbill.accounts}, or the single account of the
 * earlier keys; a client per account; each tenant's price book with its plan. The demo makes its own
 * {@link Accounts} ({@code demo}).
 */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    @Conditional(DemoMode.Off.class)
    Accounts accounts(AccountsProperties configured, ContainerApiProperties api, PricingProperties pricing,
            Environment environment) {
        String tenant = environment.getProperty("flowbill.metering.tenant", "default");
        return AccountsFactory.of(configured, api, tenant, pricing.plan());
    }

    @Bean(destroyMethod = "close")
    AccountClients accountClients(Accounts accounts, MeterRegistry registry) {
        return new AccountClients(accounts, registry);
    }

    @Bean
    TenantPriceBooks tenantPriceBooks(Accounts accounts, PricingProperties pricing) {
        Map<String, String> plans = new LinkedHashMap<>();
        accounts.all().forEach(account -> plans.put(account.tenant(), account.plan()));
        return TenantPriceBooks.load(pricing.priceBook(), plans);
    }
}
