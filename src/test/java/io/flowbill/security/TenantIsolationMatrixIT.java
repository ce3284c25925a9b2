package io.flowbill.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.flowbill.FlowbillApplication;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.system.EmptyApi;
import io.flowbill.system.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code serve} over HTTP with two tenants, {@code alpha} and {@code beta}, each with an invoice (2026-10) and a
 * credit note on it; {@code gamma} does not exist. Every GET endpoint under {@code /api/v1/tenants/{tenant}} (taken
 * from Spring MVC's mappings, so a new endpoint is covered without a line here) is asked with each credential:
 * alpha's key and JWT read alpha and get beta's answers exactly as for gamma (a 404 that does not tell beta exists);
 * the admin key reads both; no key and a revoked key get 401 with {@code WWW-Authenticate: Bearer}.
 */
@SpringBootTest(classes = FlowbillApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "flowbill.serve.auto-tick=false",
                "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK, "flowbill.sandbox.containers=0",
                "flowbill.api.security.requests-per-second=0.01", "flowbill.api.security.burst=100" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TenantIsolationMatrixIT {

    static final String PREFIX = "/api/v1/tenants/{tenant}";
    /** Every query parameter some endpoint needs; those an endpoint does not read are ignored. */
    static final String QUERY = "from=2026-10-01&to=2026-10-02&date=2026-10-15";
    static final List<String> TENANTS = List.of("alpha", "beta");
    static final String MISSING = "gamma";
    static final KeyPair SIGNING = rsa();
    static Path exportDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.fresh().register(registry);
        EmptyApi.register(registry);
        exportDir = Files.createTempDirectory("flowbill-matrix-it");
        Path token = Files.writeString(exportDir.resolveSibling(exportDir.getFileName() + ".token"), "t0ken");
        Path publicKey = Files.writeString(exportDir.resolveSibling(exportDir.getFileName() + ".pem"),
                "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(SIGNING.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        registry.add("flowbill.export.dir", exportDir::toString);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
        for (int i = 0; i < TENANTS.size(); i++) {
            String tenant = TENANTS.get(i);
            registry.add("flowbill.accounts[" + i + "].tenant", () -> tenant);
            registry.add("flowbill.accounts[" + i + "].plan", () -> "classpath:pricing/" + tenant + "-plan.yaml");
            registry.add("flowbill.accounts[" + i + "].base-url", () -> "http://127.0.0.1:9");
            registry.add("flowbill.accounts[" + i + "].token-file", token::toString);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String alphaKey;
    String betaKey;
    String adminKey;
    String revokedKey;

    @BeforeAll
    void tenantsWithAnInvoiceAndACreditNote() {
        for (String tenant : TENANTS) {
            jdbc.update("insert into flowbill_tenant (tenant_id) values (?) on conflict do nothing", tenant);
            Long invoice = jdbc.queryForObject("""
                    insert into invoice (tenant_id, billing_month, status, currency, subtotal, tax, total, lines,
                                         changed_at, closed_at)
                    values (?, date '2026-10-01', 'FINAL', 'CNY', 10.00, 0, 10.00, 0, now(), now()) returning id
                    """, Long.class, tenant);
            jdbc.update("""
                    insert into credit_note (tenant_id, corrects_month, sequence, corrects_invoice_id, issued_in_month,
                                             currency, subtotal, tax_rate, tax, total, lines, issued_at)
                    values (?, date '2026-10-01', 1, ?, date '2026-11-01', 'CNY', -1.00, 0, 0, -1.00, 0, now())
                    """, tenant, invoice);
        }
        alphaKey = keys.create("alpha", ApiRole.READER, "alpha's").text();
        betaKey = keys.create("beta", ApiRole.READER, "beta's").text();
        adminKey = keys.create("alpha", ApiRole.ADMIN, "operator").text();
        ApiKeys.Created revoked = keys.create("alpha", ApiRole.READER, "revoked");
        keys.revoke(revoked.key().id());
        revokedKey = revoked.text();
    }

    @Test
    void theEndpointsAreFoundAndIncludeTheInvoices() {
        assertThat(endpoints()).isNotEmpty().contains(PREFIX + "/invoices", PREFIX + "/invoices/{number}");
    }

    @Test
    void aTenantsCredentialsReadItsOwnDataAndAnotherTenantsAnswersAsAMissingTenant() throws Exception {
        Map<String, String> credentials = Map.of("alpha's key", alphaKey, "alpha's JWT", jwt("alpha", null));
        for (String endpoint : endpoints()) {
            for (Map.Entry<String, String> credential : credentials.entrySet()) {
                HttpResponse<String> own = get(path(endpoint, "alpha"), credential.getValue());
                assertThat(own.statusCode()).as("%s on endpoint='%s': %s", credential.getKey(), endpoint, own.body())
                        .isEqualTo(200);

                HttpResponse<String> other = get(path(endpoint, "beta"), credential.getValue());
                HttpResponse<String> missing = get(path(endpoint, MISSING), credential.getValue());
                assertThat(other.statusCode()).as("%s on beta's endpoint='%s'", credential.getKey(), endpoint)
                        .isEqualTo(404);
                assertThat(problem(other, "beta")).as("%s on beta's endpoint='%s' answers as for a missing tenant",
                        credential.getKey(), endpoint).isEqualTo(problem(missing, MISSING));
            }
        }
    }

    @Test
    void anotherTenantAnswersWhatTheApiAnswersForATenantThatDoesNotExist() throws Exception {
        for (String endpoint : endpoints()) {
            HttpResponse<String> denied = get(path(endpoint, "beta"), alphaKey);
            HttpResponse<String> absent = get(path(endpoint, MISSING), adminKey);

            assertThat(absent.statusCode()).as("admin on the missing tenant, endpoint='%s'", endpoint).isEqualTo(404);
            assertThat(problem(denied, "beta")).as("alpha on beta vs admin on a missing tenant, endpoint='%s'", endpoint)
                    .isEqualTo(problem(absent, MISSING));
            assertThat(denied.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        }
    }

    @Test
    void adminCredentialsReadEveryTenant() throws Exception {
        Map<String, String> credentials = Map.of("the admin key", adminKey, "an admin JWT", jwt(null, "flowbill-admin"));
        for (String endpoint : endpoints()) {
            for (String tenant : TENANTS) {
                for (Map.Entry<String, String> credential : credentials.entrySet()) {
                    HttpResponse<String> answer = get(path(endpoint, tenant), credential.getValue());
                    assertThat(answer.statusCode()).as("%s on tenant='%s', endpoint='%s': %s", credential.getKey(),
                            tenant, endpoint, answer.body()).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void betasCredentialsAreRefusedAlphasData() throws Exception {
        for (String endpoint : endpoints()) {
            for (String credential : List.of(betaKey, jwt("beta", null))) {
                assertThat(get(path(endpoint, "alpha"), credential).statusCode()).as("endpoint='%s'", endpoint)
                        .isEqualTo(404);
                assertThat(get(path(endpoint, "beta"), credential).statusCode()).as("endpoint='%s'", endpoint)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void noRevokedOrMalformedCredentialIsAnswered401WithBearer() throws Exception {
        List<Optional<String>> refused = List.of(Optional.empty(), Optional.of(revokedKey),
                Optional.of(alphaKey.substring(0, alphaKey.length() - 1) + "x"), Optional.of("fb_nonsense"),
                Optional.of("not-a-jwt"), Optional.of(jwt("alpha", null, SIGNING_OF_SOMEONE_ELSE)));
        for (String endpoint : endpoints()) {
            for (Optional<String> credential : refused) {
                HttpResponse<String> answer = get(path(endpoint, "alpha"), credential.orElse(null));
                assertThat(answer.statusCode()).as("credential #%s on endpoint='%s'", refused.indexOf(credential),
                        endpoint).isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
                JsonNode body = json.readTree(answer.body());
                assertThat(body.get("status").asInt()).isEqualTo(401);
                assertThat(body.get("title").asString()).isEqualTo("Unauthorized");
                assertThat(answer.body()).doesNotContain("beta");
            }
        }
    }

    @Test
    void theActuatorAndTheOpenApiDocumentNeedNoCredential(CapturedOutput output) throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/openapi.json", null).statusCode()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContainIgnoringCase("security password");
    }

    @Test
    void everyOtherApiPathIsForAdminsAlone() throws Exception {
        assertThat(get("/api/v1/tenants", alphaKey).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/tenants", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyOverItsBurstIsAnswered429WithRetryAfter() throws Exception {
        String key = keys.create("alpha", ApiRole.READER, "busy").text();
        for (int i = 0; i < 100; i++) {
            assertThat(get("/api/v1/tenants/alpha/exceptions", key).statusCode()).as("request %s", i + 1).isEqualTo(200);
        }

        HttpResponse<String> refused = get("/api/v1/tenants/alpha/exceptions", key);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 100L);
        assertThat(json.readTree(refused.body()).get("status").asInt()).isEqualTo(429);
        assertThat(get("/api/v1/tenants/alpha/exceptions", alphaKey).statusCode()).as("another key").isEqualTo(200);
    }

    /** Every GET pattern under {@value #PREFIX}, as Spring MVC maps them. */
    List<String> endpoints() {
        TreeSet<String> found = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                info.getPatternValues().stream().filter(pattern -> pattern.startsWith(PREFIX)).forEach(found::add);
            }
        }
        return new ArrayList<>(found);
    }

    /** The endpoint's path for {@code tenant}, its other variables taken from that tenant's data. */
    static String path(String endpoint, String tenant) {
        Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(endpoint);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(sample(endpoint, variable.group(1), tenant)));
        }
        variable.appendTail(path);
        return path + "?" + QUERY;
    }

    private static String sample(String endpoint, String variable, String tenant) {
        if (variable.equals("tenant")) {
            return tenant;
        }
        if (variable.equals("number") && endpoint.startsWith(PREFIX + "/invoices/")) {
            return tenant + "-202610";
        }
        if (variable.equals("number") && endpoint.startsWith(PREFIX + "/credit-notes/")) {
            return tenant + "-CN-202610-1";
        }
        throw new AssertionError("no sample value for {" + variable + "} of endpoint '" + endpoint
                + "': add one to TenantIsolationMatrixIT.sample");
    }

    /** The problem body with the tenant's name made neutral (it is in the path, the instance and the detail). */
    JsonNode problem(HttpResponse<String> answer, String tenant) {
        return json.readTree(answer.body().replace(tenant, "TENANT"));
    }

    HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final KeyPair SIGNING_OF_SOMEONE_ELSE = rsa();

    static String jwt(String tenant, String scope) throws JOSEException {
        return jwt(tenant, scope, SIGNING);
    }

    static String jwt(String tenant, String scope, KeyPair signing) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("user-of-" + tenant)
                .expirationTime(java.util.Date.from(Instant.now().plus(Duration.ofHours(1))));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        if (scope != null) {
            claims.claim("scope", scope);
        }
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        token.sign(new RSASSASigner((RSAPrivateKey) signing.getPrivate()));
        return token.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
