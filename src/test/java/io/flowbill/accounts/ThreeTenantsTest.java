package io.flowbill.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.flowbill.containerapi.ContainerApiProperties;
import io.flowbill.pricing.TenantPriceBooks;

/**
 * The three-tenant fixture is what the scale-out proof needs: three different fleets, three plans the bundled book
 * accepts, token files only their owner can read, and a configuration, as properties or as the jar's environment
 * variables, that binds to three accounts with their own URL, token file, limits and plan.
 */
class ThreeTenantsTest {

    private static ThreeTenants tenants;

    @BeforeAll
    static void start() throws Exception {
        tenants = ThreeTenants.start(100, 90, 4);
    }

    @AfterAll
    static void stop() {
        tenants.close();
    }

    @Test
    void threeFleetsOfDifferentSizesEachWithItsOwnToken() {
        assertThat(tenants.tenants()).containsExactly("acme", "globex", "initech");
        assertThat(tenants.tenants()).extracting(t -> tenants.sandbox(t).fleet().list().size())
                .containsExactly(40, 120, 300);
        assertThat(tenants.tenants()).extracting(t -> tenants.sandbox(t).token()).doesNotHaveDuplicates();
    }

    @Test
    void tokenFilesHoldTheTokenAndOnlyTheOwnerMayReadThem() throws Exception {
        for (String tenant : tenants.tenants()) {
            assertThat(Files.readString(tenants.tokenFile(tenant)).strip()).as("token file of %s", tenant)
                    .isEqualTo(tenants.sandbox(tenant).token());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tenants.tokenFile(tenant))))
                    .as("mode of %s's token file", tenant).isEqualTo("rw-------");
        }
    }

    @Test
    void everyPlanLoadsOverTheBundledBook() {
        Map<String, String> plans = new LinkedHashMap<>();
        tenants.tenants().forEach(t -> plans.put(t, "file:" + tenants.plan(t)));

        TenantPriceBooks books = TenantPriceBooks.load("classpath:pricing/fengchao.yaml", plans);

        tenants.tenants().forEach(t -> assertThat(books.of(t)).as("book of %s", t).isNotNull());
    }

    @Test
    void aPlanWithAMistakeIsRefusedSoTheFixtureCannotCarryOne() throws Exception {
        String broken = Files.readString(tenants.plan("globex")).replace("compute", "cpu");
        var file = Files.writeString(tenants.folder().resolve("broken-plan.yaml"), broken);

        assertThatThrownBy(() -> TenantPriceBooks.load("classpath:pricing/fengchao.yaml",
                Map.of("globex", "file:" + file))).hasMessageContaining("cpu");
    }

    @Test
    void thePropertiesBindToThreeAccounts() {
        Binder binder = new Binder(new MapConfigurationPropertySource(tenants.properties()));

        assertThreeAccounts(binder);
    }

    @Test
    void theJarsEnvironmentVariablesBindToTheSameThreeAccounts() {
        Map<String, Object> variables = new LinkedHashMap<>(tenants.environment());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));

        assertThat(variables).containsKey("FLOWBILL_ACCOUNTS_0_BASEURL").containsKey("FLOWBILL_ACCOUNTS_2_TOKENFILE");
        assertThreeAccounts(new Binder(ConfigurationPropertySources.get(environment)));
    }

    private static void assertThreeAccounts(Binder binder) {
        AccountsProperties configured = binder.bind("flowbill", AccountsProperties.class).get();
        Accounts accounts = AccountsFactory.of(configured, ContainerApiProperties.defaults(URI.create("http://unused")),
                "default", null);

        assertThat(accounts.tenants()).containsExactly("acme", "globex", "initech");
        for (Account account : accounts.all()) {
            String tenant = account.tenant();
            assertThat(account.api().baseUrl()).as("base-url of %s", tenant).isEqualTo(tenants.sandbox(tenant).baseUrl());
            assertThat(account.api().tokenFile()).as("token-file of %s", tenant).isEqualTo(tenants.tokenFile(tenant));
            assertThat(account.api().requestsPerSecond()).as("requests-per-second of %s", tenant).isEqualTo(90);
            assertThat(account.api().maxConcurrency()).as("max-concurrency of %s", tenant).isEqualTo(4);
            assertThat(account.plan()).as("plan of %s", tenant).isEqualTo("file:" + tenants.plan(tenant));
        }
    }
}
