package io.flowbill.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature a receiver verifies, against a digest computed outside Java. */
class WebhookSignatureTest {

    static final String SECRET = "whsec_test_secret";
    static final long SENT_AT = 1_765_000_000L;
    static final String BODY = "{\"id\":\"6f1c0d2e-0000-3000-8000-000000000001\",\"type\":\"day.billed\","
            + "\"tenant\":\"acme\",\"data\":{\"day\":\"2026-11-30\"}}";

    /**
     * Computed independently with:
     * <pre>
     * printf '%s' '1765000000.{"id":"6f1c0d2e-0000-3000-8000-000000000001","type":"day.billed","tenant":"acme","data":{"day":"2026-11-30"}}' \
     *   | openssl dgst -sha256 -hmac 'whsec_test_secret'
     * </pre>
     */
    static final String OPENSSL_DIGEST = "725c9a4a274fbd5ec2a9af70ed046a40bbbb99e0713aa59e511888f363e0c52d";

    @Test
    void signsTheTimestampDotBodyWithHmacSha256OfTheSecret() {
        assertThat(WebhookSignature.header(SECRET, SENT_AT, BODY))
                .isEqualTo("t=1765000000,v1=" + OPENSSL_DIGEST);
    }

    @Test
    void anotherTimestampOrBodyOrSecretSignsDifferently() {
        String header = WebhookSignature.header(SECRET, SENT_AT, BODY);

        assertThat(WebhookSignature.header(SECRET, SENT_AT + 1, BODY)).isNotEqualTo(header);
        assertThat(WebhookSignature.header(SECRET, SENT_AT, BODY + " ")).isNotEqualTo(header);
        assertThat(WebhookSignature.header(SECRET + "x", SENT_AT, BODY)).isNotEqualTo(header);
    }
}
