package io.flowbill.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PortalMessagesTest {

    private static final Pattern TEXT_IN_TEMPLATE = Pattern.compile("\\{\\{t\\.([a-zA-Z.]+)}}");
    private static final Set<String> TEMPLATES = Set.of("_top", "sign-in", "tenants", "not-found", "month-to-date",
            "invoices", "usage", "exceptions");

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        assertThat(PortalMessages.flat(PortalLanguage.ZH).keySet())
                .isEqualTo(PortalMessages.flat(PortalLanguage.EN).keySet());
    }

    @Test
    void everyTextATemplateUsesExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String template : TEMPLATES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("portal/" + template + ".mustache")) {
                Matcher matcher = TEXT_IN_TEMPLATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (PortalLanguage language : PortalLanguage.values()) {
            assertThat(PortalMessages.flat(language).keySet()).as("texts of %s", language).containsAll(used);
        }
    }

    @Test
    void theChineseTextIsChinese() {
        assertThat(PortalMessages.flat(PortalLanguage.ZH).get("nav.invoices")).isEqualTo("账单与贷项通知单");
        assertThat(PortalMessages.flat(PortalLanguage.EN).get("nav.invoices")).isEqualTo("Invoices and credit notes");
    }
}
