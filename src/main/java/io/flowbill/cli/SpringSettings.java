package io.flowbill.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings a command's application context reads, read the way Spring Boot reads them but without starting
 * anything: the {@code --x.y=z} arguments, Java system properties, environment variables (relaxed:
 * {@code FLOWBILL_API_BASE_URL} is {@code flowbill.api.base-url}), and the {@code application.yml} (or
 * {@code .properties}) files of Spring Boot's locations with their profiles and imports. Those locations are the
 * jar's own, the folder of the jar, then the working directory and its {@code config/}: a later one wins.
 */
final class SpringSettings {

    /** The name of the source Spring Boot keeps last ({@code SpringApplication.setDefaultProperties}). */
    private static final String DEFAULTS = "defaultProperties";

    private SpringSettings() {
    }

    /** The settings of a run with these arguments, environment variables and jar folder. */
    static ConfigurableEnvironment read(List<String> springProperties, Map<String, String> variables,
            Optional<Path> jarFolder) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
        sources.addFirst(new SimpleCommandLinePropertySource(springProperties.toArray(String[]::new)));
        sources.addLast(new MapPropertySource(DEFAULTS, defaults(jarFolder)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    /**
     * What the application starts with beneath every other setting: Spring Boot's config locations with the jar's
     * folder inserted before the working directory's, so the {@code application.yml} beside the jar is read
     * wherever the jar is run from ({@code spring.config.location} given by the user replaces them all).
     */
    static Map<String, Object> defaults(Optional<Path> jarFolder) {
        Path workingDirectory = Path.of("").toAbsolutePath().normalize();
        String beside = jarFolder.map(Path::toAbsolutePath).map(Path::normalize)
                .filter(folder -> !folder.equals(workingDirectory))
                .map(folder -> "optional:file:" + folder + File.separator + ",").orElse("");
        return Map.of("spring.config.location", "optional:classpath:/,optional:classpath:/config/," + beside
                + "optional:file:./,optional:file:./config/,optional:file:./config/*/");
    }

    /** The folder of the jar this runs from, or empty when it runs from classes (an IDE, the tests). */
    static Optional<Path> jarFolder() {
        File source = new ApplicationHome(SpringSettings.class).getSource();
        return source != null && source.isFile() && source.getName().endsWith(".jar")
                ? Optional.of(source.toPath().toAbsolutePath().getParent()) : Optional.empty();
    }
}
