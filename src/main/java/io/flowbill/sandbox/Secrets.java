package io.flowbill.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random hex strings for generated keys, secrets and tokens. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
