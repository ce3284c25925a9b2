package io.flowbill.api;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The REST API's OpenAPI document (served at {@code /api/v1/openapi.json}, kept in {@code docs/api/openapi.json}):
 * title, one relative server (so the document does not depend on the port) and the bearer scheme every call sends.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiConfiguration {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI flowbillApi() {
        return new OpenAPI()
                .info(new Info().title("flowbill API").version("v1").description("""
                        A tenant's month to date, usage, charge lines, invoices, credit notes and metering \
                        exceptions (docs/api.md). Lists are pages: 'limit' (default 100, at most 1000) and \
                        'after' (the 'next' cursor of the previous page). Amounts and quantities are decimal \
                        strings. Errors are RFC 9457 problem details."""))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Authorization: Bearer <key>, an API key of the tenant in the path")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
