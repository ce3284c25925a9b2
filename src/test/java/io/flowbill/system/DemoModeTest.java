package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The demo runs only with nothing configured or when asked for; half a configuration is refused by name. */
class DemoModeTest {

    private static final String API = "flowbill.api.base-url";
    private static final String DATABASE = "spring.datasource.url";

    @Test
    void nothingConfiguredIsTheDemoWithTenantDemo() {
        MockEnvironment environment = decide(new MockEnvironment());

        assertThat(DemoMode.on(environment)).isTrue();
        assertThat(environment.getProperty("flowbill.metering.tenant")).isEqualTo("demo");
    }

    @Test
    void apiAndDatabaseConfiguredIsARealRun() {
        MockEnvironment environment = decide(new MockEnvironment().withProperty(API, "https://api.example")
                .withProperty(DATABASE, "jdbc:postgresql://db/flowbill").withProperty("flowbill.metering.tenant", "acme"));

        assertThat(DemoMode.on(environment)).isFalse();
        assertThat(environment.getProperty("flowbill.metering.tenant")).isEqualTo("acme");
    }

    @Test
    void aDatabaseWithoutAnApiIsRefusedNamingTheMissingSetting() {
        assertThatThrownBy(() -> decide(new MockEnvironment().withProperty(DATABASE, "jdbc:postgresql://db/flowbill")))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("flowbill.api.base-url is not set but spring.datasource.url is")
                .hasMessageContaining("--demo");
    }

    @Test
    void accountsWithADatabaseAreARealRun() {
        MockEnvironment environment = decide(new MockEnvironment().withProperty(DATABASE, "jdbc:postgresql://db/flowbill")
                .withProperty("flowbill.accounts[0].tenant", "acme")
                .withProperty("flowbill.accounts[0].base-url", "https://api.example"));

        assertThat(DemoMode.on(environment)).isFalse();
    }

    @Test
    void accountsAsEnvironmentVariablesWithoutTheApiKeysAreARealRun() {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/flowbill", "FLOWBILL_ACCOUNTS_0_TENANT", "acme",
                "FLOWBILL_ACCOUNTS_0_BASEURL", "https://api.example", "FLOWBILL_ACCOUNTS_1_TENANT", "demo",
                "FLOWBILL_ACCOUNTS_1_BASEURL", "https://b.example")));

        assertThatThrownBy(() -> decide(environment)).as("a real run (its second account's tenant 'demo' refused)")
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("flowbill.accounts[1].tenant 'demo' is kept for the demo");
        environment.getPropertySources().addFirst(new MapPropertySource("fixed",
                Map.of("flowbill.accounts[1].tenant", "globex")));
        assertThat(DemoMode.on(decide(environment))).isFalse();
    }

    @Test
    void anAccountWithTenantDemoOutsideTheDemoIsRefused() {
        assertThatThrownBy(() -> decide(new MockEnvironment().withProperty(DATABASE, "jdbc:postgresql://db/flowbill")
                .withProperty("flowbill.accounts[0].tenant", "acme")
                .withProperty("flowbill.accounts[0].base-url", "https://a.example")
                .withProperty("flowbill.accounts[1].tenant", "demo")
                .withProperty("flowbill.accounts[1].base-url", "https://b.example")))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("flowbill.accounts[1].tenant 'demo' is kept for the demo");
    }

    @Test
    void anApiWithoutADatabaseIsRefusedNamingTheMissingSetting() {
        assertThatThrownBy(() -> decide(new MockEnvironment().withProperty(API, "https://api.example")))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("spring.datasource.url is not set but flowbill.api.base-url is");
    }

    @Test
    void theDemoAskedForRunsOnAConfiguredDatabase() {
        MockEnvironment environment = decide(new MockEnvironment().withProperty("flowbill.demo", "true")
                .withProperty(DATABASE, "jdbc:postgresql://db/flowbill"));

        assertThat(DemoMode.on(environment)).isTrue();
        assertThat(environment.getProperty("flowbill.metering.tenant")).isEqualTo("demo");
    }

    @Test
    void demoFalseWithNothingConfiguredIsRefused() {
        assertThatThrownBy(() -> decide(new MockEnvironment().withProperty("flowbill.demo", "false")))
                .isInstanceOf(ConfigurationRefused.class).hasMessageStartingWith("flowbill.api.base-url is not set;");
    }

    @Test
    void theDemoTenantIsRefusedOutsideTheDemo() {
        assertThatThrownBy(() -> decide(new MockEnvironment().withProperty(API, "https://api.example")
                .withProperty(DATABASE, "jdbc:postgresql://db/flowbill").withProperty("flowbill.metering.tenant", "demo")))
                .isInstanceOf(ConfigurationRefused.class).hasMessageContaining("kept for the demo");
    }

    private static MockEnvironment decide(MockEnvironment environment) {
        DemoMode.decide(environment);
        return environment;
    }
}
