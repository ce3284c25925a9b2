package io.flowbill.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API's security (docs/security.md), in {@code serve} only: {@code /api/**} needs a bearer credential (an API key, or a JWT when {@code spring.security.oauth2.resourceserver.jwt.*} is set); every
 * other path (the actuator's health and prometheus) is not touched by this chain and stays open. Deny by default:
 * {@code /api/v1/tenants/{tenant}/**} is read by the tenant's credentials and admins ({@link TenantAccess}), the
 * OpenAPI document by anyone, any other API path by admins only. The portal ({@code /portal/**}) has a chain of its
 * own, ordered first, that signs people in with a form ({@link PortalSecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

    static final String[] PROTECTED = { "/api/**" };
    static final String TENANT_PATHS = "/api/v1/tenants/{" + TenantAccess.VARIABLE + "}/**";
    static final String OPENAPI = "/api/v1/openapi.json";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, ObjectProvider<JwtDecoder> jwt,
            ApiSecurityProperties settings, JsonMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        SecurityAnswers answers = new SecurityAnswers(problems);
        AuthenticationManager credentials = credentials(keys, jwt.getIfAvailable(), settings);
        RequestLimits limits = new RequestLimits(settings.requestsPerSecond(), settings.burst(), Clock.systemUTC());
        return http.securityMatcher(PROTECTED)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, OPENAPI).permitAll()
                        .requestMatchers(TENANT_PATHS).access(new TenantAccess())
                        .anyRequest().hasRole(ApiRole.ADMIN.name()))
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> credentials)
                        .authenticationEntryPoint(answers))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable) // bearer tokens only, no cookie a browser would send by itself
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterAfter(new RequestLimitFilter(limits, problems), BearerTokenAuthenticationFilter.class)
                .build();
    }

    /** API keys first; other bearer tokens are JWTs when a decoder is configured, refused otherwise. */
    private static AuthenticationManager credentials(ApiKeys keys, JwtDecoder decoder, ApiSecurityProperties settings) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new ApiKeyAuthenticationProvider(keys));
        if (decoder != null) {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(new JwtCallers(settings));
            providers.add(new JwtOnly(tokens));
        }
        ProviderManager manager = new ProviderManager(providers);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /** Leaves API keys to their provider, so a bad key is never also tried as a JWT. */
    private record JwtOnly(JwtAuthenticationProvider tokens) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            return ApiKeySecret.claims(token) ? null : tokens.authenticate(authentication);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return tokens.supports(authentication);
        }
    }
}
