package io.flowbill.cli;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Says in one line why a group of settings cannot be bound ({@code flowbill.api.*} into its record): the setting
 * with where it was written (an environment variable, a file and line), its value, what is wrong and what to write
 * instead, e.g. {@code flowbill.api.requests-per-second 'abc' is not a whole number; write it like 250 (the
 * default)}.
 */
final class SettingValues {

    private SettingValues() {
    }

    /** The line for a failure to bind {@code type} at {@code prefix}. */
    static String problem(BindException failure, String prefix, Class<?> type, ConfigurableEnvironment environment) {
        String name = failure.getName().toString();
        ConfigurationProperty property = failure.getProperty();
        Class<?> target = failure.getTarget().getType().resolve(Object.class);
        if (failure.getCause() instanceof BindValidationException invalid) {
            ObjectError first = invalid.getValidationErrors().getAllErrors().get(0);
            if (first instanceof FieldError field) {
                String setting = setting(invalid.getValidationErrors().getName().toString(), field.getField());
                Object rejected = field.getRejectedValue();
                return named(setting, environment) + (rejected == null ? "" : " '" + rejected + "'") + " "
                        + first.getDefaultMessage() + "; write it like " + example(prefix, type, setting,
                                rejected == null ? String.class : rejected.getClass());
            }
            return prefix + ": " + first.getDefaultMessage();
        }
        if (property != null) {
            return named(name, environment) + " '" + property.getValue() + "' is not " + kind(target)
                    + "; write it like " + example(prefix, type, name, target);
        }
        String reason = NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
        String line = reason != null && reason.startsWith(prefix + ".") ? reason : name + ": " + reason;
        return line.contains(";") ? line : line + "; fix the settings " + name + ".*";
    }

    /** A setting's text, stripped, when it is given and not blank. */
    static Optional<String> text(Binder binder, String setting) {
        return Optional.ofNullable(binder.bind(setting, String.class).orElse(null)).map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    /**
     * The setting's name and, when it was not given on the command line, where it was written:
     * {@code flowbill.api.token-file (environment variable FLOWBILL_API_TOKEN_FILE)}.
     */
    static String named(String setting, ConfigurableEnvironment environment) {
        return where(setting, environment).map(where -> setting + " (" + where + ")").orElse(setting);
    }

    private static Optional<String> where(String setting, ConfigurableEnvironment environment) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(setting);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property != null) {
                return where(property.getOrigin());
            }
        }
        return Optional.empty();
    }

    /** An environment variable by its name, a file by its path and line; the command line needs no words. */
    private static Optional<String> where(Origin origin) {
        if (origin instanceof PropertySourceOrigin inSource) {
            if (inSource.getPropertySource() instanceof SystemEnvironmentPropertySource) {
                return Optional.of("environment variable " + inSource.getPropertyName());
            }
            return where(inSource.getOrigin());
        }
        if (origin instanceof SystemEnvironmentOrigin variable) {
            return Optional.of("environment variable " + variable.getProperty());
        }
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            String file = text.getResource().getDescription().replaceFirst("^.*\\[(.*)]$", "$1")
                    .replaceFirst("^file:", "");
            return Optional.of(file + (text.getLocation() == null ? "" : " line " + (text.getLocation().getLine() + 1)));
        }
        return Optional.empty();
    }

    /** A field of a validated group ({@code chunkSize} of {@code flowbill.metering}) as a setting. */
    private static String setting(String group, String field) {
        String dashed = dashed(field);
        return dashed.startsWith(group + ".") ? dashed : group + "." + dashed;
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration";
        }
        if (type == DataSize.class) {
            return "a size";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == URI.class) {
            return "a URL";
        }
        return "a " + type.getSimpleName();
    }

    /** The setting's default (with " (the default)"), else an example of its type. */
    private static String example(String prefix, Class<?> group, String setting, Class<?> type) {
        Optional<String> fallback = defaultOf(prefix, group, setting);
        if (fallback.isPresent()) {
            return fallback.get() + " (the default)";
        }
        if (type == Duration.class) {
            return "30s, 10m or 2h";
        }
        if (type == DataSize.class) {
            return "64MB";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type == URI.class) {
            return "https://open.c.163.com";
        }
        if (type == Path.class) {
            return "/etc/flowbill/file";
        }
        return type == BigDecimal.class || type == double.class || type == Double.class ? "0.5" : "10";
    }

    private static Optional<String> defaultOf(String prefix, Class<?> group, String setting) {
        if (!group.isRecord() || !setting.startsWith(prefix + ".")) {
            return Optional.empty();
        }
        String rest = setting.substring(prefix.length() + 1);
        RecordComponent[] components = group.getRecordComponents();
        Parameter[] parameters;
        try {
            parameters = group.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).getParameters();
        }
        catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        for (int i = 0; i < components.length; i++) {
            DefaultValue fallback = parameters[i].getAnnotation(DefaultValue.class);
            if (dashed(components[i].getName()).equals(rest) && fallback != null && fallback.value().length == 1) {
                return Optional.of(fallback.value()[0]);
            }
        }
        return Optional.empty();
    }

    private static String dashed(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
