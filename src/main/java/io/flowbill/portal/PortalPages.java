package io.flowbill.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Renders the portal's pages from the Mustache templates in {@code portal/} (jmustache, as the invoice's HTML):
 * every page includes {@code _top} (head, styles, navigation) and {@code _bottom}; values are HTML-escaped, only the
 * server-drawn chart is inserted as it is. No page loads a script, a font or anything from another site.
 */
final class PortalPages {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().emptyStringIsFalse(true).zeroIsFalse(false)
            .withLoader(PortalPages::reader);
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private PortalPages() {
    }

    /** The page {@code portal/<name>.mustache} filled with {@code view}. */
    static String render(String name, Map<String, Object> view) {
        return TEMPLATES.computeIfAbsent(name, PortalPages::compile).execute(view);
    }

    private static Template compile(String name) {
        try (Reader in = reader(name)) {
            return COMPILER.compile(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String name) {
        String resource = "portal/" + name + ".mustache";
        InputStream in = PortalPages.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the portal template " + resource + " is missing from the jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
