package io.flowbill.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Key files for sealed exports, made with the JDK as openssl would write them (PEM PKCS#8 / X.509, base64 HMAC). */
final class SealKeys {

    private SealKeys() {
    }

    /** An Ed25519 key pair as {@code signing.pem} (private) and {@code verify.pem} (public) in {@code dir}. */
    record Ed25519(Path signing, Path verify) {
    }

    static Ed25519 ed25519(Path dir) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(dir);
            return new Ed25519(pem(dir.resolve("signing.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem(dir.resolve("verify.pem"), "PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HMAC key of {@code bytes} bytes, base64 on one line as {@code openssl rand -base64 32} writes it. */
    static Path hmac(Path file, int bytes, int seed) {
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            key[i] = (byte) (seed + 31 * i);
        }
        return write(file, Base64.getEncoder().encodeToString(key) + "\n");
    }

    private static Path pem(Path file, String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return write(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
