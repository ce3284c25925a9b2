package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.flowbill.metering.StatusPolicy.Billing;
import io.flowbill.system.Diagnosis;

/**
 * {@code flowbill.metering.statuses.billed} / {@code .unbilled} as an operator writes them (comma-separated, in YAML
 * or the environment) reach the policy every feature asks; a contradiction stops the start with one line.
 */
class StatusSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WithStatusSettings.class);

    @Test
    void configuredStatusesAreBilledOrNotWithoutABuild() {
        context.withPropertyValues("flowbill.metering.statuses.billed=hibernate_ing, rebuild_succ",
                "flowbill.metering.statuses.unbilled=frozen").run(started -> {
                    StatusPolicy policy = started.getBean(StatusPolicy.class);
                    assertThat(policy.classify("hibernate_ing")).isEqualTo(Billing.BILLABLE);
                    assertThat(policy.classify("rebuild_succ")).isEqualTo(Billing.BILLABLE);
                    assertThat(policy.classify("frozen")).isEqualTo(Billing.NOT_BILLABLE);
                    assertThat(policy.classify("migrate_ing")).as("default").isEqualTo(Billing.BILLABLE);
                });
    }

    @Test
    void withoutSettingsThePolicyIsTheBuiltInOne() {
        context.run(started -> {
            StatusPolicy policy = started.getBean(StatusPolicy.class);
            assertThat(policy.classify("suspended")).isEqualTo(Billing.NOT_BILLABLE);
            assertThat(policy.classify("hibernate_ing")).isEqualTo(Billing.UNKNOWN);
        });
    }

    @Test
    void aStatusInBothListsStopsTheStartWithOneConfigurationLine() {
        context.withPropertyValues("flowbill.metering.statuses.billed=frozen",
                "flowbill.metering.statuses.unbilled=frozen").run(failed -> {
                    assertThat(failed).hasFailed();
                    assertThat(Diagnosis.of(failed.getStartupFailure(), key -> null)).hasValue("configuration: status"
                            + " 'frozen' is in both flowbill.metering.statuses.billed and"
                            + " flowbill.metering.statuses.unbilled; keep it in one of them");
                });
    }

    @Test
    void aStatusThatContradictsTheTableStopsTheStartNamingTheSetting() {
        context.withPropertyValues("flowbill.metering.statuses.unbilled=restart_succ").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(Diagnosis.of(failed.getStartupFailure(), key -> null)).get().asString()
                    .startsWith("configuration: flowbill.metering.statuses.unbilled lists 'restart_succ', which the"
                            + " built-in status table bills");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StatusProperties.class)
    @Import(StatusPolicyConfiguration.class)
    static class WithStatusSettings {
    }
}
