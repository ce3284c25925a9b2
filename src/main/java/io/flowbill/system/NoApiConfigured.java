package io.flowbill.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no container API is configured: flowbill then answers with its built-in sandbox. */
class NoApiConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("flowbill.api.base-url");
        return url == null || url.isBlank();
    }
}
