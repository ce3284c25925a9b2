package io.flowbill.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A certificate authority made for one test run with the JDK's keytool, and a server certificate it signed for
 * 127.0.0.1 and localhost: nothing of it is committed, and its private keys live in a temporary folder. Gives the
 * CA certificate (PEM, what a client trusts) and the server's certificate chain and key (PEM, what a TLS listener
 * such as {@link Stunnel} serves).
 */
public record ThrowawayCa(Path caCertificate, Path serverCertificate, Path serverKey) {

    private static final String KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    /** Makes a CA and a server certificate for 127.0.0.1 and localhost in a new temporary folder. */
    public static ThrowawayCa make() throws IOException {
        Path folder = Files.createTempDirectory("flowbill-ca");
        String password = UUID.randomUUID().toString();
        Path ca = folder.resolve("ca.p12");
        Path server = folder.resolve("server.p12");
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=flowbill test CA", "-ext", "bc:c", "-keyalg", "EC",
                "-validity", "2", "-keystore", ca.toString(), "-storepass", password);
        keytool("-genkeypair", "-alias", "server", "-dname", "CN=localhost", "-keyalg", "EC", "-validity", "2",
                "-keystore", server.toString(), "-storepass", password);
        Path request = folder.resolve("server.csr");
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", password, "-file",
                request.toString());
        Path signed = folder.resolve("server.crt");
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password, "-infile",
                request.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "2", "-ext",
                "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth");
        Path caCertificate = folder.resolve("ca.crt");
        keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password, "-rfc", "-file",
                caCertificate.toString());
        Path chain = folder.resolve("server-chain.crt");
        Files.writeString(chain, Files.readString(signed) + Files.readString(caCertificate));
        Path key = folder.resolve("server.key");
        Files.writeString(key, pemKey(server, password));
        return new ThrowawayCa(caCertificate, chain, key);
    }

    private static String pemKey(Path keyStore, String password) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            PrivateKey key = (PrivateKey) store.getKey("server", password.toCharArray());
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        }
        catch (GeneralSecurityException e) {
            throw new IOException("could not read the server key of " + keyStore, e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(KEYTOOL));
        command.addAll(List.of(args));
        ExternalTool.Run run = ExternalTool.run("", command.toArray(String[]::new));
        if (run.exit() != 0) {
            throw new IOException("keytool failed: " + run);
        }
    }
}
