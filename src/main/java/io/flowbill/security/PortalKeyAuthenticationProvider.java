package io.flowbill.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs a person into the portal with the API key typed into its form (the form's {@code key} field arrives as the
 * user name of a {@link UsernamePasswordAuthenticationToken}): the key is checked by {@link ApiKeys}, as the API
 * checks a bearer key, and the session keeps the key's {@link ApiCaller}. An unknown, revoked or malformed key is
 * refused with the same words for each.
 */
final class PortalKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;

    PortalKeyAuthenticationProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = String.valueOf(authentication.getPrincipal()).strip();
        return keys.authenticate(key)
                .map(found -> new ApiCallerAuthentication(ApiCaller.of(found)))
                .orElseThrow(() -> new BadCredentialsException(ApiKeyAuthenticationProvider.REFUSED));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
