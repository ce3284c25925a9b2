package io.flowbill.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The tenant rule of {@code /api/v1/tenants/{tenant}/**}: granted when the credential's caller may read the path's
 * tenant (its own tenant, or any for an admin). The tenant comes from the credential, the path only names what is
 * asked for; every endpoint under the path is covered without code of its own.
 */
final class TenantAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String VARIABLE = "tenant";

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        String requested = context.getVariables().get(VARIABLE);
        return new AuthorizationDecision(requested != null && authentication.get() != null
                && authentication.get().getPrincipal() instanceof ApiCaller caller && caller.mayRead(requested));
    }
}
