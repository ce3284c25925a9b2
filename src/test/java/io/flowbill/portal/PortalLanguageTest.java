package io.flowbill.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class PortalLanguageTest {

    @Test
    void aChoiceOnThePageWinsOverTheCookieAndTheBrowser() {
        assertThat(PortalLanguage.of("zh", "en", locales("en-US"))).isEqualTo(PortalLanguage.ZH);
        assertThat(PortalLanguage.of("en", "zh", locales("zh-CN"))).isEqualTo(PortalLanguage.EN);
    }

    @Test
    void theKeptChoiceWinsOverTheBrowser() {
        assertThat(PortalLanguage.of(null, "zh", locales("en-GB"))).isEqualTo(PortalLanguage.ZH);
    }

    @Test
    void theBrowsersFirstChineseOrEnglishLanguageIsTaken() {
        assertThat(PortalLanguage.of(null, null, locales("fr-FR", "zh-TW", "en"))).isEqualTo(PortalLanguage.ZH);
        assertThat(PortalLanguage.of(null, null, locales("de", "en-GB", "zh-CN"))).isEqualTo(PortalLanguage.EN);
    }

    @Test
    void anUnknownChoiceOrNoneAtAllIsEnglish() {
        assertThat(PortalLanguage.of("xx", "fr", locales("fr-FR"))).isEqualTo(PortalLanguage.EN);
        assertThat(PortalLanguage.of(null, null, null)).isEqualTo(PortalLanguage.EN);
    }

    private static java.util.Enumeration<Locale> locales(String... tags) {
        return Collections.enumeration(List.of(tags).stream().map(Locale::forLanguageTag).toList());
    }
}
