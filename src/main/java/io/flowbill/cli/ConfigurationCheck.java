package io.flowbill.cli;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import io.flowbill.FlowbillApplication;
import io.flowbill.accounts.Accounts;
import io.flowbill.accounts.AccountsProperties;
import io.flowbill.cluster.ClusterCredentials;
import io.flowbill.containerapi.ContainerApiProperties;
import io.flowbill.pricing.PricingProperties;
import io.flowbill.system.ConfigurationRefused;
import io.flowbill.system.DemoMode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/**
 * The configuration checked before anything starts (no Spring context, no database): what the application's start
 * would refuse after 30 s or more is refused in one line within a second or two, naming the setting (with the
 * account's index), what is wrong and what to do. Checked: a key that was renamed, a datasource URL that is not a
 * JDBC URL, half a configuration ({@link DemoMode}), every {@code @ConfigurationProperties} group as the application
 * binds and validates it, the API's address, the files the settings name ({@link SettingFiles}) and the accounts
 * ({@link Accounts#configured}). Anything it cannot judge is left to the application's start.
 */
final class ConfigurationCheck {

    /** Keys no longer read, and what to write instead. */
    private static final List<String[]> RENAMED = List.<String[]>of(new String[] { "flowbill.metering.mb-per-gb",
            "it was split in two: write flowbill.metering.api-mb-per-gb (how many MB the API means by 1GB in a flow"
                    + " string), and the price book's mb-per-gb for the GB its prices are quoted in" });

    /**
     * Every {@code @ConfigurationProperties} group of the application, by name (several are package-private); listed
     * rather than scanned for at every start, and a test compares the list with a scan.
     */
    static final List<String> GROUPS = List.of("io.flowbill.accounts.AccountsProperties",
            "io.flowbill.cluster.ClusterProperties", "io.flowbill.containerapi.ContainerApiProperties",
            "io.flowbill.demo.SandboxProperties", "io.flowbill.export.ExportProperties",
            "io.flowbill.export.InvoiceProperties", "io.flowbill.invoicing.InvoicingProperties",
            "io.flowbill.metering.MeteringProperties", "io.flowbill.metering.StatusProperties",
            "io.flowbill.metrics.MetricsProperties",
            "io.flowbill.pricing.PricingProperties", "io.flowbill.security.ApiSecurityProperties",
            "io.flowbill.serve.ServeProperties",
            "io.flowbill.system.EmbeddedDatabaseProperties", "io.flowbill.system.JobLaunchProperties",
            "io.flowbill.system.PartitionsProperties", "io.flowbill.system.ProgressProperties", "io.flowbill.webhooks.WebhookProperties");

    private static volatile List<Class<?>> groups;
    private static volatile Validator validator;
    private static final String HIBERNATE_VALIDATOR_VERSION = "org.hibernate.validator.internal.util.Version";

    private ConfigurationCheck() {
    }

    /** The first thing wrong with these settings, or empty when the application may start with them. */
    static Optional<String> problem(ConfigurableEnvironment settings) {
        return Stream.<Supplier<Optional<String>>>of(() -> renamed(settings), () -> datasource(settings),
                () -> demoOrReal(settings), () -> bindings(settings), () -> baseUrls(settings),
                () -> SettingFiles.problem(settings), () -> accounts(settings),
                () -> ClusterCredentials.refusal(settings))
                .map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> renamed(ConfigurableEnvironment settings) {
        return RENAMED.stream().filter(key -> Binder.get(settings).bind(key[0], String.class).isBound())
                .map(key -> SettingValues.named(key[0], settings) + " is no longer read: " + key[1]).findFirst();
    }

    private static Optional<String> datasource(ConfigurableEnvironment settings) {
        String url = SettingValues.text(Binder.get(settings), "spring.datasource.url").orElse("jdbc:");
        if (url.startsWith("jdbc:")) {
            return Optional.empty();
        }
        String safe = url.replaceFirst("//[^/@]*@", "//");
        String jdbc = safe.replaceFirst("^(postgres|postgresql)://", "jdbc:postgresql://");
        return Optional.of(SettingValues.named("spring.datasource.url", settings) + " '" + safe
                + "' is not a JDBC URL; write it like " + (jdbc.startsWith("jdbc:") ? jdbc
                        : "jdbc:postgresql://HOST:5432/DATABASE")
                + " with the user and password in spring.datasource.username and spring.datasource.password");
    }

    private static Optional<String> demoOrReal(ConfigurableEnvironment settings) {
        try {
            DemoMode.decide(settings);
            return Optional.empty();
        }
        catch (ConfigurationRefused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /**
     * Every settings group bound (and validated when it is {@code @Validated}) as the application will. A group with
     * nothing set under its prefix is its defaults, which are valid (a test binds every group so): skipping it keeps
     * the demo's first line within seconds (the validator alone costs a second of CPU).
     */
    private static Optional<String> bindings(ConfigurableEnvironment settings) {
        return bindings(settings, false);
    }

    static Optional<String> bindings(ConfigurableEnvironment settings, boolean evenUnset) {
        Binder binder = Binder.get(settings);
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(settings);
        for (Class<?> group : groups()) {
            MergedAnnotation<ConfigurationProperties> annotation = MergedAnnotations.from(group)
                    .get(ConfigurationProperties.class);
            String prefix = annotation.getString("prefix").isEmpty() ? annotation.getString("value")
                    : annotation.getString("prefix");
            if (!evenUnset && nothingSetUnder(sources, ConfigurationPropertyName.of(prefix))) {
                continue;
            }
            BindHandler handler = MergedAnnotations.from(group).isPresent(Validated.class)
                    ? new ValidationBindHandler(new SpringValidatorAdapter(validator())) : BindHandler.DEFAULT;
            try {
                binder.bindOrCreate(prefix, Bindable.of(group), handler);
            }
            catch (BindException e) {
                return Optional.of(SettingValues.problem(e, prefix, group, settings));
            }
        }
        return Optional.empty();
    }

    private static boolean nothingSetUnder(Iterable<ConfigurationPropertySource> sources,
            ConfigurationPropertyName prefix) {
        for (ConfigurationPropertySource source : sources) {
            if (source.getConfigurationProperty(prefix) != null
                    || source.containsDescendantOf(prefix) != ConfigurationPropertyState.ABSENT) {
                return false;
            }
        }
        return true;
    }

    /** The container API's address of each account: an http(s) URL (a trailing /api/v1 is taken off when used). */
    private static Optional<String> baseUrls(ConfigurableEnvironment settings) {
        if (DemoMode.on(settings)) {
            return Optional.empty();
        }
        Binder binder = Binder.get(settings);
        List<AccountsProperties.Entry> accounts = binder.bindOrCreate("flowbill", AccountsProperties.class).accounts();
        Stream<String> keys = accounts.isEmpty() ? Stream.of("flowbill.api.base-url")
                : Stream.iterate(0, i -> i < accounts.size(), i -> i + 1).map(i -> "flowbill.accounts[" + i + "].base-url");
        return keys.map(key -> binder.bind(key, URI.class).map(url -> baseUrl(key, url, settings)).orElse(Optional.empty()))
                .flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> baseUrl(String key, URI url, ConfigurableEnvironment settings) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
            return Optional.empty();
        }
        return Optional.of(SettingValues.named(key, settings) + " '" + url + "' is not an http or https URL; write"
                + " it like https://open.c.163.com");
    }

    /** The accounts as the application will make them outside the demo (the entries, their secret files). */
    private static Optional<String> accounts(ConfigurableEnvironment settings) {
        if (DemoMode.on(settings)) {
            return Optional.empty();
        }
        Binder binder = Binder.get(settings);
        try {
            Accounts.configured(binder.bindOrCreate("flowbill", AccountsProperties.class),
                    binder.bindOrCreate("flowbill.api", ContainerApiProperties.class),
                    binder.bind("flowbill.metering.tenant", String.class).orElse("default"),
                    binder.bindOrCreate("flowbill.pricing", PricingProperties.class).plan());
            return Optional.empty();
        }
        catch (ConfigurationRefused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    private static List<Class<?>> groups() {
        if (groups == null) {
            ClassLoader loader = FlowbillApplication.class.getClassLoader();
            groups = GROUPS.stream().<Class<?>>map(name -> ClassUtils.resolveClassName(name, loader)).toList();
        }
        return groups;
    }

    private static Validator validator() {
        if (validator == null) {
            // its version line, printed before logging is configured, is not flowbill's to print
            if (LoggerFactory.getLogger(HIBERNATE_VALIDATOR_VERSION) instanceof ch.qos.logback.classic.Logger logger
                    && logger.getLevel() == null) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
            validator = Validation.byDefaultProvider().configure().ignoreXmlConfiguration()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        }
        return validator;
    }
}
