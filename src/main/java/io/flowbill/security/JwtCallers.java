package io.flowbill.security;

import java.util.Collection;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The caller of a verified JWT: its tenant from the claim {@code flowbill.api.security.jwt-tenant-claim}, admin when
 * its {@code scope} (or {@code scp}) holds {@code flowbill.api.security.jwt-admin-scope}. A token with neither is
 * refused.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ApiSecurityProperties settings;
    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    JwtCallers(ApiSecurityProperties settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String tenant = jwt.getClaimAsString(settings.jwtTenantClaim());
        Collection<GrantedAuthority> granted = scopes.convert(jwt);
        boolean admin = granted != null && granted.stream()
                .anyMatch(authority -> authority.getAuthority().equals("SCOPE_" + settings.jwtAdminScope()));
        if ((tenant == null || tenant.isBlank()) && !admin) {
            throw new InvalidBearerTokenException("the token has no '" + settings.jwtTenantClaim() + "' claim");
        }
        String subject = jwt.getSubject() == null ? "?" : jwt.getSubject();
        return new ApiCallerAuthentication(new ApiCaller("jwt:" + subject, tenant == null || tenant.isBlank() ? null
                : tenant, admin));
    }
}
