package io.flowbill.containerapi;

/** Keeps tokens and app secrets out of strings meant for people: logs, messages, {@code toString}. */
final class Secrets {

    static final String MASK = "****";

    private Secrets() {
    }

    /** {@code null} for an absent secret, the mask otherwise. */
    static String mask(String secret) {
        return secret == null ? null : MASK;
    }

    /** {@code text} with every occurrence of {@code secret} masked, in case a server echoes it back. */
    static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASK);
    }
}
