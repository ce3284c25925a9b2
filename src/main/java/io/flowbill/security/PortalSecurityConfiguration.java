package io.flowbill.security;

import java.util.LinkedHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The tenant portal's security (docs/portal.md), a second filter chain beside the API's, ordered before it: the API
 * stays stateless with bearer credentials, the portal signs a person in with a form. The form takes an API key,
 * checked by {@link ApiKeys} as a bearer key is; the session then holds the key's {@link ApiCaller}, nothing of the
 * key itself (its cookie is HttpOnly, SameSite=Strict, and Secure when the request came over TLS: docs/portal.md).
 * Form posts (sign in, sign out) carry Spring Security's CSRF token; a post without it goes back to the form. {@code /portal/tenants/{tenant}/**} follows the
 * API's tenant rule ({@link TenantAccess}); a page the caller may not read answers the portal's 404 page, the same
 * one a tenant that does not exist gets.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalSecurityConfiguration {

    static final String SIGN_IN = "/portal/sign-in";
    static final String SIGN_OUT = "/portal/sign-out";
    /** The page every refused or unknown portal path shows (rendered by the portal, status 404). */
    static final String NOT_FOUND = "/portal/not-found";
    static final String TENANT_PAGES = "/portal/tenants/{" + TenantAccess.VARIABLE + "}/**";
    static final String TENANT_HOME = "/portal/tenants/{" + TenantAccess.VARIABLE + "}";

    @Bean
    @Order(1)
    SecurityFilterChain portalSecurity(HttpSecurity http, ApiKeys keys) throws Exception {
        ProviderManager signIn = new ProviderManager(new PortalKeyAuthenticationProvider(keys));
        SimpleUrlAuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler(SIGN_IN + "?failed");
        return http.securityMatcher("/portal", "/portal/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN, NOT_FOUND).permitAll()
                        .requestMatchers(TENANT_HOME, TENANT_PAGES).access(new TenantAccess())
                        .anyRequest().authenticated())
                .authenticationManager(signIn)
                .formLogin(form -> form.loginPage(SIGN_IN).usernameParameter("key").passwordParameter("unused")
                        .defaultSuccessUrl("/portal", true).failureHandler(refused).permitAll())
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies("JSESSIONID").invalidateHttpSession(true))
                .exceptionHandling(handling -> handling.accessDeniedHandler(refusals()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src"
                                + " 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * A form posted without its CSRF token (or with one of an ended session) goes back to the sign-in form, which
     * says so; any other refusal shows the 404 page.
     */
    private static AccessDeniedHandler refusals() {
        AccessDeniedHandlerImpl notFound = new AccessDeniedHandlerImpl();
        notFound.setErrorPage(NOT_FOUND);
        LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> byKind = new LinkedHashMap<>();
        byKind.put(CsrfException.class, (request, response, refused) -> response.sendRedirect(
                request.getContextPath() + SIGN_IN + "?expired"));
        return new DelegatingAccessDeniedHandler(byKind, notFound);
    }
}
