package io.flowbill.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The portal's text in each {@link PortalLanguage}, from {@code portal/messages_<code>.properties} (UTF-8). Keys
 * such as {@code nav.invoices} become nested maps, so a template writes {@code {{t.nav.invoices}}}.
 */
final class PortalMessages {

    private static final Map<PortalLanguage, Map<String, Object>> TEXT = load();

    private PortalMessages() {
    }

    /** The nested map of the language's text. */
    static Map<String, Object> of(PortalLanguage language) {
        return TEXT.get(language);
    }

    /** The language's flat keys and texts, as the file has them. */
    static Map<String, String> flat(PortalLanguage language) {
        Properties properties = read(language);
        Map<String, String> flat = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> flat.put(key, properties.getProperty(key)));
        return flat;
    }

    private static Map<PortalLanguage, Map<String, Object>> load() {
        Map<PortalLanguage, Map<String, Object>> text = new EnumMap<>(PortalLanguage.class);
        for (PortalLanguage language : PortalLanguage.values()) {
            text.put(language, nested(flat(language)));
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, String> flat) {
        Map<String, Object> root = new TreeMap<>();
        flat.forEach((key, value) -> {
            Map<String, Object> node = root;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(parts[i], part -> new TreeMap<String, Object>());
            }
            node.put(parts[parts.length - 1], value);
        });
        return root;
    }

    private static Properties read(PortalLanguage language) {
        String resource = "portal/messages_" + language.code() + ".properties";
        try (InputStream in = PortalMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the portal's text " + resource + " is missing from the jar");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
