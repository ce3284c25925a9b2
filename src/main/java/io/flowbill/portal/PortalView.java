package io.flowbill.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.WebUtils;

import io.flowbill.security.ApiCaller;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What every portal page has: its language ({@link PortalLanguage}) and text, the link to the other language, the
 * signed-in caller's tenant and navigation, and the CSRF token its forms post. A page adds its own values and is
 * rendered by {@link #page}.
 */
final class PortalView {

    private final HttpServletRequest request;
    private final PortalLanguage language;
    private final boolean chosen;
    private final Map<String, Object> values = new HashMap<>();

    private PortalView(HttpServletRequest request, PortalLanguage language, boolean chosen) {
        this.request = request;
        this.language = language;
        this.chosen = chosen;
    }

    /** The view of a page for this request, signed in as {@code caller} (null on the sign-in page). */
    static PortalView of(HttpServletRequest request, ApiCaller caller) {
        String choice = request.getParameter("lang");
        Cookie kept = WebUtils.getCookie(request, PortalLanguage.COOKIE);
        PortalLanguage language = PortalLanguage.of(choice, kept == null ? null : kept.getValue(),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? null : request.getLocales());
        PortalView view = new PortalView(request, language, PortalLanguage.ofCode(choice) != null);
        view.values.put("lang", language.code());
        view.values.put("t", PortalMessages.of(language));
        PortalLanguage other = language == PortalLanguage.EN ? PortalLanguage.ZH : PortalLanguage.EN;
        view.values.put("otherLang", other.code());
        view.values.put("languageLink", view.linkIn(other));
        view.values.put("signedIn", caller != null);
        view.values.put("admin", caller != null && caller.admin());
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            view.values.put("csrfName", csrf.getParameterName());
            view.values.put("csrfToken", csrf.getToken());
        }
        return view;
    }

    PortalLanguage language() {
        return language;
    }

    /** The text of {@code key} in the page's language. */
    String text(String key) {
        return PortalMessages.flat(language).get(key);
    }

    /** Marks the page as one of {@code tenant}'s, {@code here} being its navigation entry ({@code month}, ...). */
    PortalView tenant(String tenant, String here) {
        values.put("tenant", tenant);
        values.put("base", PortalPaths.tenant(tenant));
        values.put("here", Map.of(here, true));
        return this;
    }

    PortalView put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** The page {@code template} titled by the text of {@code titleKey}, as a 200 answer. */
    ResponseEntity<String> page(String template, String titleKey) {
        return page(template, titleKey, HttpStatus.OK);
    }

    ResponseEntity<String> page(String template, String titleKey, HttpStatus status) {
        values.put("title", text(titleKey));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (chosen) {
            answer.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(PortalLanguage.COOKIE, language.code())
                    .path("/portal").maxAge(Duration.ofDays(365)).httpOnly(true).secure(request.isSecure())
                    .sameSite("Strict").build().toString());
        }
        return answer.body(PortalPages.render(template, values));
    }

    /**
     * This page's address with {@code lang} set to {@code other} and its other parameters kept; for a refused page
     * (forwarded to the 404 page) the address asked for, so a refusal reads like a page that does not exist.
     */
    private String linkIn(PortalLanguage other) {
        StringJoiner query = new StringJoiner("&", "?", "");
        request.getParameterMap().forEach((name, given) -> {
            if (!name.equals("lang")) {
                for (String value : given) {
                    query.add(encode(name) + "=" + encode(value));
                }
            }
        });
        query.add("lang=" + other.code());
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return (forwardedFrom instanceof String asked ? asked : request.getRequestURI()) + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
