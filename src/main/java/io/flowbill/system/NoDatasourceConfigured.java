package io.flowbill.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True in the demo without a configured database: flowbill then brings its own embedded PostgreSQL. */
class NoDatasourceConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfigurableEnvironment environment = (ConfigurableEnvironment) context.getEnvironment();
        DemoMode.decide(environment);
        String url = environment.getProperty("spring.datasource.url");
        return DemoMode.on(environment) && (url == null || url.isBlank());
    }
}
