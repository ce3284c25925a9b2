package io.flowbill.export;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;

import javax.crypto.Mac;

import io.flowbill.system.ConfigurationRefused;

/**
 * The key that seals every manifest an export writes ({@code flowbill.export.signing-key-file}, {@link KeyFile}):
 * an Ed25519 private key signs with the JDK's {@code Signature("Ed25519")}, an HMAC key with {@code
 * Mac("HmacSHA256")}, both over {@link ManifestSignature#signedBytes}. Read once when flowbill starts; the key is
 * never printed, logged, or written anywhere but into the signatures it makes.
 */
final class SigningKey {

    private final KeyFile.Key key;

    private SigningKey(KeyFile.Key key) {
        this.key = key;
    }

    /**
     * The configured signing key, or null when none is configured (manifests are then written unsigned).
     *
     * @throws ConfigurationRefused when the file cannot be read or holds no signing key (one line naming the setting)
     */
    static SigningKey of(Path file) {
        if (file == null) {
            return null;
        }
        KeyFile.Key key;
        try {
            key = KeyFile.read(file);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigurationRefused(ExportProperties.SIGNING_KEY_SETTING + ": " + e.getMessage());
        }
        if (key instanceof KeyFile.Ed25519Public) {
            throw new ConfigurationRefused(ExportProperties.SIGNING_KEY_SETTING + ": " + file + " is an Ed25519 public"
                    + " key, which only verifies; sign with its private key (PEM 'PRIVATE KEY')");
        }
        return new SigningKey(key);
    }

    String algorithm() {
        return key instanceof KeyFile.Hmac ? ManifestSignature.HMAC_SHA256 : ManifestSignature.ED25519;
    }

    /** The signature of the manifest's entries. */
    ManifestSignature sign(Manifest manifest) {
        byte[] signed = ManifestSignature.signedBytes(manifest);
        try {
            if (key instanceof KeyFile.Hmac hmac) {
                Mac mac = Mac.getInstance(ManifestSignature.HMAC_SHA256);
                mac.init(hmac.key());
                return ManifestSignature.of(ManifestSignature.HMAC_SHA256, mac.doFinal(signed));
            }
            Signature signature = Signature.getInstance(ManifestSignature.ED25519);
            signature.initSign(((KeyFile.Ed25519Private) key).key());
            signature.update(signed);
            return ManifestSignature.of(ManifestSignature.ED25519, signature.sign());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the manifest of " + manifest.tenant() + "/" + manifest.month()
                    + " with " + algorithm() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm() + "]";
    }
}
