package io.flowbill.export;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Optional;

import javax.crypto.Mac;

/**
 * The key {@code export --verify --key-file F} checks manifest signatures with: an Ed25519 public key (PEM
 * {@code PUBLIC KEY}; whoever verifies needs nothing secret) or the HMAC-SHA256 key the manifests were signed with.
 */
final class VerifyingKey {

    private static final String MISMATCH = "signature does not match the manifest's entries: an entry was changed"
            + " after signing, or it was signed with another key";

    private final KeyFile.Key key;

    private VerifyingKey(KeyFile.Key key) {
        this.key = key;
    }

    /**
     * Reads a verifying key.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no verifying key (the message says why)
     */
    static VerifyingKey of(Path file) {
        KeyFile.Key key = KeyFile.read(file);
        if (key instanceof KeyFile.Ed25519Private) {
            throw new IllegalArgumentException(file + " is an Ed25519 private key; verify with its public key"
                    + " ('openssl pkey -in " + file + " -pubout -out verify.pem') and keep the private key secret");
        }
        return new VerifyingKey(key);
    }

    String algorithm() {
        return key instanceof KeyFile.Hmac ? ManifestSignature.HMAC_SHA256 : ManifestSignature.ED25519;
    }

    /** Why the manifest's signature does not hold, or empty when it does. */
    Optional<String> problem(Manifest manifest) {
        ManifestSignature signature = manifest.signature();
        if (signature == null) {
            return Optional.of("carries no signature, but a key was given: an unsigned manifest is refused");
        }
        if (!signature.algorithm().equals(algorithm())) {
            return Optional.of("signed with " + signature.algorithm() + ", but the key given is an " + algorithm()
                    + " key");
        }
        byte[] signed = ManifestSignature.signedBytes(manifest);
        try {
            byte[] value = signature.bytes();
            boolean valid;
            if (key instanceof KeyFile.Hmac hmac) {
                Mac mac = Mac.getInstance(ManifestSignature.HMAC_SHA256);
                mac.init(hmac.key());
                valid = MessageDigest.isEqual(mac.doFinal(signed), value);
            }
            else {
                Signature verifier = Signature.getInstance(ManifestSignature.ED25519);
                verifier.initVerify(((KeyFile.Ed25519Public) key).key());
                verifier.update(signed);
                valid = verifier.verify(value);
            }
            return valid ? Optional.empty() : Optional.of(MISMATCH);
        }
        catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.of(MISMATCH + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + algorithm() + "]";
    }
}
