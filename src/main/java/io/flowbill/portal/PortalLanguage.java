package io.flowbill.portal;

import java.util.Enumeration;
import java.util.Locale;

/**
 * The language a portal page is written in: Chinese ({@code zh}) or English ({@code en}). Rule: the language the
 * reader chose on a page ({@code ?lang=zh}, kept in the cookie {@value #COOKIE}), else the first of Chinese or
 * English in the browser's {@code Accept-Language} in its order of preference, else English. Names (containers,
 * sellers, buyers) and codes (items, units, statuses in the files) are printed as stored, as on the invoice.
 */
enum PortalLanguage {

    EN, ZH;

    /** The cookie keeping the reader's choice, a year long, for the portal's path only. */
    static final String COOKIE = "flowbill_lang";

    /** The code in URLs, cookies and {@code <html lang>}: {@code en}, {@code zh}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language a code names ({@code zh}, {@code zh-CN}, {@code en-GB}); null for any other or none. */
    static PortalLanguage ofCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(code.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "zh" -> ZH;
            case "en" -> EN;
            default -> null;
        };
    }

    /**
     * The page's language: {@code chosen} (the {@code lang} parameter), else {@code kept} (the cookie), else the first
     * Chinese or English locale of {@code accepted} (the request's locales in order of preference), else English.
     */
    static PortalLanguage of(String chosen, String kept, Enumeration<Locale> accepted) {
        PortalLanguage language = ofCode(chosen);
        if (language == null) {
            language = ofCode(kept);
        }
        while (language == null && accepted != null && accepted.hasMoreElements()) {
            language = ofCode(accepted.nextElement().toLanguageTag());
        }
        return language == null ? EN : language;
    }
}
