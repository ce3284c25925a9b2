package io.flowbill.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the key files of sealed exports. An Ed25519 key is PEM: the signing key a {@code PRIVATE KEY} block
 * (PKCS#8, as {@code openssl genpkey -algorithm ed25519} writes it), the verifying key a {@code PUBLIC KEY} block
 * (X.509 SubjectPublicKeyInfo, {@code openssl pkey -in signing.pem -pubout}). Any other file is an HMAC-SHA256 key,
 * the same for signing and verifying: its text when it is base64 (surrounding white space ignored, e.g. {@code openssl
 * rand -base64 32}), else its raw bytes; at least 32 bytes either way. Messages name the file and what is wrong with
 * it, never a byte of the key.
 */
final class KeyFile {

    /** An HMAC key shorter than SHA-256's output is refused. */
    static final int HMAC_MIN_BYTES = 32;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    /** What a key file holds. */
    sealed interface Key permits Ed25519Private, Ed25519Public, Hmac {
    }

    record Ed25519Private(PrivateKey key) implements Key {
    }

    record Ed25519Public(PublicKey key) implements Key {
    }

    /** An HMAC key; its {@code toString} is that of {@link SecretKeySpec}, which prints no key byte. */
    record Hmac(SecretKeySpec key) implements Key {
    }

    private KeyFile() {
    }

    /**
     * Reads a key file.
     *
     * @throws IllegalArgumentException when it cannot be read or holds no usable key (the message says why)
     */
    static Key read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + reason(e) + ")");
        }
        try {
            String text = new String(content, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN ")) {
                return pem(file, text);
            }
            return hmac(file, content, text.strip());
        }
        finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static Key pem(Path file, String text) {
        Matcher block = PEM.matcher(text);
        if (!block.find()) {
            throw new IllegalArgumentException(file + " starts a PEM block but holds no complete one");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " has a PEM block that is not base64");
        }
        String type = block.group(1);
        try {
            KeyFactory ed25519 = KeyFactory.getInstance(ManifestSignature.ED25519);
            return switch (type) {
                case "PRIVATE KEY" -> new Ed25519Private(ed25519.generatePrivate(new PKCS8EncodedKeySpec(der)));
                case "PUBLIC KEY" -> new Ed25519Public(ed25519.generatePublic(new X509EncodedKeySpec(der)));
                default -> throw new IllegalArgumentException(file + " holds a PEM '" + type + "' block, not an"
                        + " Ed25519 'PRIVATE KEY' (PKCS#8) or 'PUBLIC KEY'");
            };
        }
        catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(file + " holds a PEM '" + type + "' that is not an Ed25519 key"
                    + " (make one with 'openssl genpkey -algorithm ed25519')");
        }
        finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static Key hmac(Path file, byte[] content, String text) {
        byte[] key = content;
        if (BASE64.matcher(text).matches() && text.length() % 4 == 0) {
            key = Base64.getDecoder().decode(text);
        }
        try {
            if (key.length < HMAC_MIN_BYTES) {
                throw new IllegalArgumentException(file + " is neither a PEM Ed25519 key nor an HMAC-SHA256 key of at"
                        + " least " + HMAC_MIN_BYTES + " bytes (it has " + key.length + "); make one with 'openssl"
                        + " genpkey -algorithm ed25519' or 'openssl rand -base64 32'");
            }
            return new Hmac(new SecretKeySpec(key, ManifestSignature.HMAC_SHA256));
        }
        finally {
            if (key != content) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }
}
