package io.flowbill.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Conditional answers for what never changes once issued (a FINAL invoice, a credit note): a strong ETag, the
 * SHA-256 of what identifies the representation, and 304 Not Modified when {@code If-None-Match} names it. What may
 * still change (a DRAFT, the month to date) gets no ETag and {@code Cache-Control: no-store}.
 */
final class Etags {

    private Etags() {
    }

    /** A strong entity tag over the parts, e.g. number, closing instant, total, representation. */
    static String of(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(sha.digest()) + "\"";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Whether an {@code If-None-Match} header names the tag (or is {@code *}). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** The answer for content that never changes: 304 when the client has it, else the body with its ETag. */
    static <T> ResponseEntity<T> fixed(String etag, String ifNoneMatch, ResponseEntity.BodyBuilder ok,
            Supplier<T> body) {
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ok.eTag(etag).body(body.get());
    }

    /** The answer for content that may change: no ETag, not stored by caches. */
    static <T> ResponseEntity<T> changing(ResponseEntity.BodyBuilder ok, T body) {
        return ok.cacheControl(CacheControl.noStore()).body(body);
    }
}
