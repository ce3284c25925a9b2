package io.flowbill.system;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Decides, before anything starts, whether this run is the demo. The demo (the built-in sandbox of the container
 * API, an embedded PostgreSQL unless a database is configured, tenant {@code demo}, DEMO on the summary, report and
 * manifest) runs when no API ({@code flowbill.api.base-url}, or {@code flowbill.accounts[0].base-url}) and no
 * {@code spring.datasource.url} is configured, or when
 * {@code flowbill.demo=true} ({@code --demo}). Otherwise both must be configured: one without the other is refused
 * with the missing setting, so a typo in one variable cannot bill a simulated fleet. Decided once per context by the
 * conditions of the embedded database and the built-in sandbox, when the configuration is complete (test
 * properties included) and before any setting is bound.
 */
public final class DemoMode {

    public static final String PROPERTY = "flowbill.demo";
    public static final String TENANT = "demo";
    private static final String SOURCE = "flowbillDemoMode";

    private DemoMode() {
    }

    /** Decides (once) whether this is the demo and records it as {@code flowbill.demo}; refuses half a configuration. */
    public static void decide(ConfigurableEnvironment environment) {
        if (environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        boolean api = configured(environment, "flowbill.api.base-url")
                || configured(environment, "flowbill.accounts[0].base-url");
        boolean database = configured(environment, "spring.datasource.url");
        String asked = environment.getProperty(PROPERTY);
        if (asked != null && !asked.equalsIgnoreCase("true") && !asked.equalsIgnoreCase("false")) {
            throw new ConfigurationRefused(PROPERTY + " is '" + asked + "'; write true or false");
        }
        boolean demo = "true".equalsIgnoreCase(asked) || (asked == null && !api && !database);
        if (!demo && !api) {
            throw new ConfigurationRefused("flowbill.api.base-url is not set" + (database ? " but spring.datasource.url is" : "")
                    + "; set FLOWBILL_API_BASE_URL (with its token or app key), or run the demo with --demo");
        }
        if (!demo && !database) {
            throw new ConfigurationRefused("spring.datasource.url is not set but flowbill.api.base-url is; set"
                    + " SPRING_DATASOURCE_URL (with its username and password), or run the demo with --demo");
        }
        if (!demo && TENANT.equals(environment.getProperty("flowbill.metering.tenant"))) {
            throw new ConfigurationRefused("flowbill.metering.tenant 'demo' is kept for the demo; name the real tenant");
        }
        for (int i = 0; !demo && configured(environment, "flowbill.accounts[" + i + "].tenant"); i++) {
            if (TENANT.equals(value(environment, "flowbill.accounts[" + i + "].tenant"))) {
                throw new ConfigurationRefused("flowbill.accounts[" + i + "].tenant 'demo' is kept for the demo;"
                        + " name the real tenant");
            }
        }
        Map<String, Object> decided = demo ? Map.of(PROPERTY, "true", "flowbill.metering.tenant", TENANT)
                : Map.of(PROPERTY, "false");
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, decided));
    }

    private static boolean configured(ConfigurableEnvironment environment, String key) {
        String value = value(environment, key);
        return value != null && !value.isBlank();
    }

    /**
     * A setting by its canonical name through Spring Boot's relaxed binding, whether or not the environment has its
     * configuration property sources attached yet: {@code flowbill.accounts[0].base-url} is also the variable
     * {@code FLOWBILL_ACCOUNTS_0_BASEURL}.
     */
    private static String value(ConfigurableEnvironment environment, String key) {
        return Binder.get(environment).bind(key, String.class).orElse(null);
    }

    /** True when this run is the demo (after {@link DemoMode} decided). */
    public static boolean on(Environment environment) {
        return environment.getProperty(PROPERTY, Boolean.class, false);
    }

    /** True in the demo: its beans (the built-in sandbox, the tenant {@code demo}) replace the configured ones. */
    public static final class On implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConfigurableEnvironment environment = (ConfigurableEnvironment) context.getEnvironment();
            decide(environment);
            return on(environment);
        }
    }

    /** True outside the demo: the configured container API is used. */
    public static final class Off implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new On().matches(context, metadata);
        }
    }
}
