package io.flowbill.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Settings of the HTTP API's authentication (docs/security.md).
 *
 * @param requestsPerSecond requests each key (or token subject) may make per second on average; 0 for no limit
 * @param burst how many requests a key may make at once after a pause (the bucket's size)
 * @param jwtTenantClaim the JWT claim naming the tenant a token reads
 * @param jwtAdminScope the scope ({@code scope} or {@code scp} claim) that lets a JWT read every tenant
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.api.security")
public record ApiSecurityProperties(@PositiveOrZero @DefaultValue("10") double requestsPerSecond,
        @Min(1) @DefaultValue("20") int burst, @NotBlank @DefaultValue("tenant") String jwtTenantClaim,
        @NotBlank @DefaultValue("flowbill-admin") String jwtAdminScope) {
}
