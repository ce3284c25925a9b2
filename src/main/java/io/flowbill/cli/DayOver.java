package io.flowbill.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import io.flowbill.metering.MeteringProperties;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PricingProperties;

/**
 * Whether a billing day is over: its last hour has ended in the billing zone and the metering lag has passed
 * since. {@link #notOver(LocalDate, List, Clock)} answers from the settings alone (the lag, the price book's
 * zone) without starting the application: no database, no API, no beans.
 */
final class DayOver {

    /** Settings that bring in sources read only by the application's start. */
    static final List<String> DELEGATED = List.of("spring.config.import", "spring.config.location",
            "spring.config.additional-location", "spring.profiles.active", "spring.profiles.include");

    private DayOver() {
    }

    /** Why {@code day} cannot be metered yet at {@code now}, or empty when it can. */
    static Optional<String> notOver(LocalDate day, Instant now, Duration lag, BillingZone zone) {
        Instant end = zone.startOf(day.plusDays(1));
        Instant settled = end.plus(lag);
        if (!now.isBefore(settled)) {
            return Optional.empty();
        }
        return Optional.of("--date " + day + " is not over yet: its last hour ends at "
                + end.atZone(zone.id()).toOffsetDateTime() + " and can be metered from "
                + settled.atZone(zone.id()).toOffsetDateTime() + " (the metering lag is " + lag.toMinutes()
                + " minutes); choose an earlier day");
    }

    /**
     * The same answer before the application starts, from the settings it reads: the command line, system
     * properties, environment variables and application.yml (beside the jar, in config/, in the jar). A configuration
     * that imports other files or picks profiles, or that cannot be read, gives no answer here: the run decides.
     */
    static Optional<String> notOver(LocalDate day, List<String> springProperties, Clock clock) {
        try {
            ConfigurableEnvironment environment = environment(springProperties);
            if (DELEGATED.stream().anyMatch(environment::containsProperty)) {
                return Optional.empty();
            }
            Binder binder = Binder.get(environment);
            MeteringProperties metering = binder.bindOrCreate("flowbill.metering", MeteringProperties.class);
            PricingProperties pricing = binder.bindOrCreate("flowbill.pricing", PricingProperties.class);
            return notOver(day, clock.instant(), metering.lag(), pricing.loadPriceBook().zone());
        }
        catch (RuntimeException | IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The settings the application would read (see {@link #notOver(LocalDate, List, Clock)}), without starting it. */
    static ConfigurableEnvironment environment(List<String> springProperties) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new SimpleCommandLinePropertySource(springProperties.toArray(String[]::new)));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (Resource file : List.of(new FileSystemResource("config/application.yml"),
                new FileSystemResource("application.yml"), new ClassPathResource("application.yml"))) {
            if (file.exists()) {
                for (PropertySource<?> source : yaml.load(file.getDescription(), file)) {
                    sources.addLast(source);
                }
            }
        }
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
