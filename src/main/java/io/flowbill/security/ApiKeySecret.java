package io.flowbill.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key, {@code fb_<id>_<secret>}: a recognisable prefix (secret scanners and people see what it
 * is), the key's id (12 lowercase letters and digits, how it is listed and revoked) and a secret of 256 random bits
 * (43 base64url characters). Only the SHA-256 of the secret is stored: with that much entropy a plain hash cannot be
 * reversed by guessing, and the stored hashes are compared in constant time.
 *
 * @param id the key's id
 * @param secret the random part
 */
record ApiKeySecret(String id, String secret) {

    static final String PREFIX = "fb_";
    private static final Pattern FORMAT = Pattern.compile("fb_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] ID_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int SECRET_BYTES = 32;

    /** A new key from {@code random}. */
    static ApiKeySecret generate(SecureRandom random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ID_LETTERS[random.nextInt(ID_LETTERS.length)]);
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new ApiKeySecret(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key as sent, or empty when {@code text} is not a flowbill API key. */
    static Optional<ApiKeySecret> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        return matcher.matches() ? Optional.of(new ApiKeySecret(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** True when {@code token} looks meant as an API key (then no other kind of token is tried). */
    static boolean claims(String token) {
        return token.startsWith(PREFIX);
    }

    /** The key as the user keeps it. */
    String text() {
        return PREFIX + id + "_" + secret;
    }

    /** The SHA-256 of the secret, lowercase hex: what is stored. */
    String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** True when this secret's hash is {@code storedHash}, compared in constant time. */
    boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never the secret: a record's default would print it. */
    @Override
    public String toString() {
        return "ApiKeySecret[id=" + id + "]";
    }
}
