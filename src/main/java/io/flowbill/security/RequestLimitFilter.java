package io.flowbill.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits each authenticated caller's requests ({@link RequestLimits}): over the limit it answers 429 with
 * {@code Retry-After} in seconds and a problem body. Part of the API's security chain only, never a servlet filter
 * of its own (so no bean).
 */
final class RequestLimitFilter extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final ProblemResponses problems;

    RequestLimitFilter(RequestLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<Duration> wait = authentication != null && authentication.getPrincipal() instanceof ApiCaller caller
                ? limits.take(caller.name()) : Optional.empty();
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = RequestLimits.retryAfterSeconds(wait.get());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests for this credential;"
                + " retry in " + seconds + " s.");
    }
}
