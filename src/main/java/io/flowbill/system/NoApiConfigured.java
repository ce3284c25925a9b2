package io.flowbill.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True in the demo ({@link DemoMode}): flowbill then answers with its built-in sandbox, never a configured API. */
class NoApiConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfigurableEnvironment environment = (ConfigurableEnvironment) context.getEnvironment();
        DemoMode.decide(environment);
        return DemoMode.on(environment);
    }
}
