package io.flowbill.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request's {@link ApiCaller}, with the role {@code ROLE_ADMIN} or {@code ROLE_READER}. */
final class ApiCallerAuthentication extends AbstractAuthenticationToken {

    private final ApiCaller caller;

    ApiCallerAuthentication(ApiCaller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.admin() ? "ROLE_ADMIN" : "ROLE_READER")));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.name();
    }
}
