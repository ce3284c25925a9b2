package io.flowbill.security;

import java.util.Locale;

/** What an API key may read: a reader only its own tenant, an admin every tenant. */
public enum ApiRole {

    READER, ADMIN;

    /** The word stored and printed: {@code reader}, {@code admin}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ApiRole of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
