package io.flowbill.demo;

import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The built-in sandbox that answers when no {@code flowbill.api.base-url} is configured.
 *
 * @param containers size of the simulated fleet
 * @param seed       seed of the fleet generator (the same seed gives the same fleet)
 * @param fleetAnchor the fleet was created over the months before this instant; fixed so that every start of the
 *                    built-in sandbox shows the same containers with the same creation times
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.sandbox")
public record SandboxProperties(@Min(0) @DefaultValue("200") int containers, @DefaultValue("7") long seed,
        @NotNull @DefaultValue("2026-11-01T00:00:00Z") Instant fleetAnchor) {
}
