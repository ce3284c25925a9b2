package io.flowbill.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Flowbill-Signature} header of a delivery: {@code t=<unix seconds>,v1=<hex>}, where the hex is
 * HMAC-SHA256 keyed with the endpoint's secret over {@code t + "." + body} (the body's exact bytes, UTF-8).
 * A receiver computes the same over what it received, compares in constant time, and refuses an old {@code t}
 * (docs/webhooks.md, "Verifying a delivery").
 */
public final class WebhookSignature {

    public static final String HEADER = "Flowbill-Signature";
    public static final String EVENT_ID_HEADER = "Flowbill-Event-Id";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header's value for {@code body} sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    /** Lower-case hex of HMAC-SHA256({@code secret}, {@code message}), both UTF-8. */
    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
