package io.flowbill.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token that is an API key ({@code fb_...}); other tokens are left to the next provider (a
 * JWT). An unknown, revoked or malformed key is refused, with the same words for each.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "the API key is unknown, revoked or malformed";

    private final ApiKeys keys;

    ApiKeyAuthenticationProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!ApiKeySecret.claims(token)) {
            return null;
        }
        return keys.authenticate(token)
                .map(key -> new ApiCallerAuthentication(ApiCaller.of(key)))
                .orElseThrow(() -> new InvalidBearerTokenException(REFUSED));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
