package io.flowbill.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    final SecureRandom random = new SecureRandom();

    @Test
    void aKeyHasThePrefixItsIdAndA256BitSecret() {
        ApiKeySecret key = ApiKeySecret.generate(random);

        assertThat(key.text()).matches("fb_[a-z0-9]{12}_[A-Za-z0-9_-]{43}").startsWith("fb_" + key.id() + "_");
        assertThat(ApiKeySecret.parse(key.text())).contains(key);
    }

    @Test
    void twoKeysDiffer() {
        assertThat(ApiKeySecret.generate(random).text()).isNotEqualTo(ApiKeySecret.generate(random).text());
    }

    @Test
    void theHashIsTheSha256OfTheSecretAndMatchesOnlyIt() {
        ApiKeySecret key = new ApiKeySecret("abcdefghij12", "a".repeat(43));

        // sha256sum of 43 'a's
        assertThat(key.hash()).isEqualTo("66d34fba71f8f450f7e45598853e53bfc23bbd129027cbb131a2f4ffd7878cd0");
        assertThat(key.matches(key.hash())).isTrue();
        assertThat(new ApiKeySecret("abcdefghij12", "b".repeat(43)).matches(key.hash())).isFalse();
    }

    @Test
    void whatIsNotAKeyIsNotParsed() {
        assertThat(ApiKeySecret.parse("fb_short_x")).isEmpty();
        assertThat(ApiKeySecret.parse("fb_ABCDEFGHIJ12_" + "a".repeat(43))).as("upper-case id").isEmpty();
        assertThat(ApiKeySecret.parse("xx_abcdefghij12_" + "a".repeat(43))).isEmpty();
        assertThat(ApiKeySecret.parse("fb_abcdefghij12_" + "a".repeat(44))).isEmpty();
    }

    @Test
    void itsTextNeverShowsTheSecret() {
        ApiKeySecret key = ApiKeySecret.generate(random);

        assertThat(key.toString()).doesNotContain(key.secret()).contains(key.id());
    }
}
