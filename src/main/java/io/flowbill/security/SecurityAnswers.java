package io.flowbill.security;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.flowbill.api.ApiProblems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's answers when a request may not go on. No credential, or one that is malformed, unknown, revoked or
 * expired: 401 with {@code WWW-Authenticate: Bearer}. A valid credential asking for what it may not read (another
 * tenant's data): 404 with the body a resource that does not exist gets, so the answer does not tell that the
 * tenant exists.
 */
final class SecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final RequestMatcher TENANT_PATHS = PathPatternRequestMatcher.withDefaults()
            .matcher(ApiSecurityConfiguration.TENANT_PATHS);

    private final ProblemResponses problems;

    SecurityAnswers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, tokenSent
                ? "The bearer token is not valid: unknown, revoked, expired or malformed."
                : "This request needs an API key or token: Authorization: Bearer <key>.");
    }

    /**
     * Another tenant's path answers the API's own 404 of a tenant that does not exist
     * ({@link ApiProblems#tenantNotFound}); any other path an admin alone may read answers the API's 404 of a missing
     * resource.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        RequestMatcher.MatchResult tenantPath = TENANT_PATHS.matcher(request);
        ProblemDetail problem;
        if (tenantPath.isMatch()) {
            problem = ApiProblems.tenantNotFound(tenantPath.getVariables().get(TenantAccess.VARIABLE));
        }
        else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Nothing is visible at this path to this"
                    + " request.");
            problem.setType(ApiProblems.NOT_FOUND);
            problem.setTitle("Not found");
        }
        problems.write(request, response, problem);
    }
}
