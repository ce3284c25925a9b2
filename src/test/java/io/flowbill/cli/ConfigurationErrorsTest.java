package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every configuration error is one line naming the setting (with its account's index), what is wrong and what to
 * do, exit 2, answered from the settings alone: the application (and its database) is never started.
 */
class ConfigurationErrorsTest {

    /** A configuration that would start: a real API with a token file, a database. */
    private static final String REAL_DATABASE = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/flowbill";
    private static final String REAL_API = "--flowbill.api.base-url=http://127.0.0.1:1";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> variables = new HashMap<>();
    private Optional<Path> jarFolder = Optional.empty();
    private int starts;

    @Test
    void aDatasourceUrlThatIsNotJdbcIsRefusedWithoutItsPassword() {
        assertRefused(List.of("fleet", REAL_API, "--flowbill.api.token=t",
                "--spring.datasource.url=postgres://bill:hunter2@db.example:5432/flowbill"),
                "flowbill fleet failed: configuration: spring.datasource.url 'postgres://db.example:5432/flowbill' is"
                        + " not a JDBC URL; write it like jdbc:postgresql://db.example:5432/flowbill with the user and"
                        + " password in spring.datasource.username and spring.datasource.password");
        assertThat(err.toString()).doesNotContain("hunter2");
    }

    @Test
    void theClusterRefusesRabbitMqsGuestAccountUnlessAllowed() {
        String line = "flowbill worker failed: configuration: flowbill.cluster.enabled needs a RabbitMQ account of its"
                + " own: set spring.rabbitmq.username and spring.rabbitmq.password (SPRING_RABBITMQ_USERNAME,"
                + " SPRING_RABBITMQ_PASSWORD), not guest/guest; for a local test broker alone set"
                + " flowbill.cluster.allow-guest=true";
        assertRefused(List.of("worker", REAL_API, "--flowbill.api.token=t", REAL_DATABASE,
                "--flowbill.cluster.enabled=true"), line);
        assertRefused(List.of("worker", REAL_API, "--flowbill.api.token=t", REAL_DATABASE,
                "--flowbill.cluster.enabled=true", "--spring.rabbitmq.username=guest",
                "--spring.rabbitmq.password=guest"), line);

        run("worker", REAL_API, "--flowbill.api.token=t", REAL_DATABASE, "--flowbill.cluster.enabled=true",
                "--flowbill.cluster.allow-guest=true");
        assertThat(starts).as("application starts with guest allowed").isEqualTo(1);
        run("worker", REAL_API, "--flowbill.api.token=t", REAL_DATABASE, "--flowbill.cluster.enabled=true",
                "--spring.rabbitmq.username=flowbill", "--spring.rabbitmq.password=s3cret");
        assertThat(starts).as("application starts with an account of its own").isEqualTo(2);
    }

    @Test
    void aMissingPriceBookIsNamed() {
        assertRefused(List.of("nightly", "--flowbill.pricing.price-book=" + dir.resolve("book.yaml")),
                "flowbill nightly failed: configuration: flowbill.pricing.price-book " + dir.resolve("book.yaml")
                        + " does not exist; write the path of the file holding the price book, or leave it out for"
                        + " the bundled one");
    }

    @Test
    void aMissingWebhookSecretFileIsNamedByItsEndpointsIndex() {
        String endpoint = "--flowbill.webhooks.endpoints[0].";
        assertRefused(List.of("nightly", endpoint + "tenant=acme", endpoint + "url=https://hooks.example.com/flowbill",
                endpoint + "secret-file=" + dir.resolve("webhook-secret")),
                "flowbill nightly failed: configuration: flowbill.webhooks.endpoints[0].secret-file "
                        + dir.resolve("webhook-secret") + " does not exist; write the path of the file holding the"
                        + " endpoint's signing secret");
    }

    @Test
    void aWebhookEventFlowbillDoesNotSendIsRefused() {
        String endpoint = "--flowbill.webhooks.endpoints[0].";
        int exit = run("nightly", endpoint + "tenant=acme", endpoint + "url=https://hooks.example.com/flowbill",
                endpoint + "secret-file=" + dir.resolve("webhook-secret"), endpoint + "events[0]=invoice.paid");

        assertThat(exit).as("exit; stderr: %s", err).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).startsWith("flowbill nightly failed: configuration: flowbill.webhooks")
                .contains("invoice.paid").doesNotContain("\n\tat ");
        assertThat(err.toString().lines().count()).as("lines of stderr: %s", err).isEqualTo(1);
        assertThat(starts).as("application starts").isZero();
    }

    @Test
    void aMissingTokenFileIsNamed() {
        assertRefused(List.of("fleet", REAL_API, REAL_DATABASE, "--flowbill.api.token-file=" + dir.resolve("token")),
                "flowbill fleet failed: configuration: flowbill.api.token-file " + dir.resolve("token")
                        + " does not exist; write the path of the file holding the API token");
    }

    @Test
    void withSeveralAccountsTheLineNamesTheAccountsTokenFile() throws IOException {
        Path token = Files.writeString(dir.resolve("a.token"), "secret-a");
        List<String> args = new ArrayList<>(List.of("meter", "--from", "2026-11-25T00:00:00Z", "--to",
                "2026-11-25T01:00:00Z", REAL_DATABASE));
        args.addAll(account(0, "acme", token));
        args.addAll(account(1, "globex", dir.resolve("b.token")));

        assertRefused(args, "flowbill meter failed: configuration: flowbill.accounts[1].token-file "
                + dir.resolve("b.token") + " does not exist; write the path of the file holding the account's API"
                + " token");
    }

    @Test
    void anAccountWithoutItsAddressIsNamedByIndexAndTenant() throws IOException {
        Path token = Files.writeString(dir.resolve("a.token"), "secret-a");

        List<String> args = new ArrayList<>(List.of("fleet", REAL_DATABASE));
        args.addAll(account(0, "acme", token));
        args.addAll(List.of("--flowbill.accounts[1].tenant=globex", "--flowbill.accounts[1].token-file=" + token));

        assertRefused(args, "flowbill fleet failed: configuration: flowbill.accounts[1] (tenant globex): base-url is"
                + " not set; give the account's API address");
    }

    @Test
    void anApiWithoutCredentialsSaysWhichToSet() {
        assertRefused(List.of("fleet", REAL_DATABASE, REAL_API), "flowbill fleet failed: configuration:"
                + " flowbill.api.base-url is http://127.0.0.1:1 but no credentials are configured: set"
                + " FLOWBILL_API_TOKEN, FLOWBILL_API_TOKEN_FILE, or FLOWBILL_API_APP_KEY with FLOWBILL_API_APP_SECRET");
    }

    @Test
    void aRateLimitThatIsNotANumberSaysWhatToWrite() {
        assertRefused(List.of("fleet", REAL_API, REAL_DATABASE, "--flowbill.api.token=t",
                "--flowbill.api.requests-per-second=abc"),
                "flowbill fleet failed: configuration: flowbill.api.requests-per-second 'abc' is not a whole number;"
                        + " write it like 250 (the default)");
    }

    @Test
    void anEnvironmentVariableIsNamedAsWritten() {
        variables.put("FLOWBILL_API_REQUESTSPERSECOND", "abc");

        assertRefused(List.of("fleet", REAL_API, REAL_DATABASE, "--flowbill.api.token=t"),
                "flowbill fleet failed: configuration: flowbill.api.requests-per-second (environment variable"
                        + " FLOWBILL_API_REQUESTSPERSECOND) 'abc' is not a whole number; write it like 250 (the"
                        + " default)");
    }

    @Test
    void aNegativeChunkSizeSaysTheBoundAndTheDefault() {
        assertRefused(List.of("nightly", "--flowbill.metering.chunk-size=-5"),
                "flowbill nightly failed: configuration: flowbill.metering.chunk-size '-5' must be greater than or"
                        + " equal to 1; write it like 500 (the default)");
    }

    @Test
    void theOldMbPerGbKeySaysWhereItMoved() {
        assertRefused(List.of("nightly", "--flowbill.metering.mb-per-gb=1000"),
                "flowbill nightly failed: configuration: flowbill.metering.mb-per-gb is no longer read: it was split"
                        + " in two: write flowbill.metering.api-mb-per-gb (how many MB the API means by 1GB in a flow"
                        + " string), and the price book's mb-per-gb for the GB its prices are quoted in");
    }

    @Test
    void aBaseUrlWithoutItsSchemeIsRefused() {
        assertRefused(List.of("fleet", REAL_DATABASE, "--flowbill.api.token=t", "--flowbill.api.base-url=open.c.163.com"),
                "flowbill fleet failed: configuration: flowbill.api.base-url 'open.c.163.com' is not an http or"
                        + " https URL; write it like https://open.c.163.com");
    }

    @Test
    void aBaseUrlEndingInTheApiPathStarts() {
        int exit = run("fleet", REAL_DATABASE, "--flowbill.api.token=t",
                "--flowbill.api.base-url=http://127.0.0.1:8080/api/v1");

        assertThat(exit).as("exit; stderr: %s", err).isEqualTo(FlowbillCli.EXIT_FAILED);
        assertThat(starts).as("application starts").isEqualTo(1);
        assertThat(err.toString()).isEqualTo("flowbill fleet failed: not started in this test (run with"
                + " --logging.level.io.flowbill=DEBUG for the full trace)" + System.lineSeparator());
    }

    @Test
    void aMonthThatIsNotOverIsRefusedBeforeAnythingStarts() {
        assertThat(run("close", "--month", "2099-12")).isEqualTo(FlowbillCli.EXIT_USAGE);

        assertThat(err.toString()).isEqualTo("flowbill close: --month 2099-12 is not over yet: it can be closed from"
                + " 2100-01-01T00:00+08:00; choose a month that is over" + System.lineSeparator());
        assertThat(starts).as("application starts").isZero();
    }

    @Test
    void anApplicationYmlBesideTheJarIsReadAndItsLineNamed() throws IOException {
        Files.writeString(dir.resolve("application.yml"), "flowbill:\n  metering:\n    chunk-size: -5\n");
        jarFolder = Optional.of(dir);

        assertRefused(List.of("nightly"), "flowbill nightly failed: configuration: flowbill.metering.chunk-size ("
                + dir.resolve("application.yml") + " line 3) '-5' must be greater than or equal to 1; write it like"
                + " 500 (the default)");
    }

    @Test
    void theDemoSaysItStartsItsDatabaseBeforeSpringStarts() {
        Path data = dir.resolve("postgres");

        run("nightly", "--flowbill.embedded-db.dir=" + data);

        assertThat(starts).as("application starts").isEqualTo(1);
        assertThat(err.toString()).startsWith("DEMO: starting the embedded PostgreSQL in " + data + " (the first run"
                + " initializes it: about " + DemoDatabase.FIRST_RUN_SECONDS + " s)..." + System.lineSeparator());
    }

    @Test
    void everySettingsGroupOfTheApplicationIsChecked() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));

        assertThat(scanner.findCandidateComponents("io.flowbill").stream().map(found -> found.getBeanClassName()))
                .as("@ConfigurationProperties classes; add a new one to ConfigurationCheck.GROUPS")
                .containsExactlyInAnyOrderElementsOf(ConfigurationCheck.GROUPS);
    }

    @Test
    void everySettingsGroupIsValidWithNothingSetSoTheCheckMaySkipUnsetGroups() {
        assertThat(ConfigurationCheck.bindings(new org.springframework.core.env.AbstractEnvironment() {
        }, true)).as("a group's defaults refused (the check skips groups with nothing set)").isEmpty();
    }

    private void assertRefused(List<String> args, String line) {
        int exit = run(args.toArray(String[]::new));

        assertThat(err.toString()).as("stderr of %s", args).isEqualTo(line + System.lineSeparator());
        assertThat(exit).as("exit of %s", args).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(starts).as("application starts").isZero();
    }

    private static List<String> account(int index, String tenant, Path tokenFile) {
        String key = "--flowbill.accounts[" + index + "].";
        return List.of(key + "tenant=" + tenant, key + "base-url=http://127.0.0.1:1", key + "token-file=" + tokenFile);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        SpringLauncher.Host host = new SpringLauncher.Host(variables, jarFolder, (application, arguments) -> {
            starts++;
            throw new IllegalStateException("not started in this test");
        });
        return FlowbillCli.run(args, new PrintWriter(out), new PrintWriter(err), host);
    }
}
