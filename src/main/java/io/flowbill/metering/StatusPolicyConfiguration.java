package io.flowbill.metering;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status policy every feature asks: the built-in table extended by {@code flowbill.metering.statuses.*}. */
@Configuration(proxyBeanMethods = false)
class StatusPolicyConfiguration {

    @Bean
    StatusPolicy statusPolicy(StatusProperties statuses) {
        return statuses.policy();
    }
}
