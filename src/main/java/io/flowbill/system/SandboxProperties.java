package io.flowbill.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * The built-in sandbox that answers when no {@code flowbill.api.base-url} is configured.
 *
 * @param containers size of the simulated fleet
 * @param seed       seed of the fleet generator (the same seed gives the same fleet)
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.sandbox")
public record SandboxProperties(@Min(0) @DefaultValue("200") int containers, @DefaultValue("7") long seed) {
}
