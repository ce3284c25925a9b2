package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.flowbill.containerapi.ContainerStatus;
import io.flowbill.metering.StatusPolicy.Billing;
import io.flowbill.system.ConfigurationRefused;

/** Every status the client understands has one billing treatment, whichever way the API spells it. */
class StatusPolicyTest {

    static final StatusPolicy BUILT_IN = StatusPolicy.BUILT_IN;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "creating, NOT_BILLABLE", "create_ing, NOT_BILLABLE", "create_succ, BILLABLE", "create_fail, NOT_BILLABLE",
            "create_timeout, NOT_BILLABLE",
            "updating, BILLABLE", "update_ing, BILLABLE", "update_succ, BILLABLE", "update_fail, BILLABLE",
            "update_timeout, BILLABLE",
            "resizing, BILLABLE", "resize_ing, BILLABLE", "resize_succ, BILLABLE", "resize_fail, BILLABLE",
            "resize_timeout, BILLABLE",
            "restarting, BILLABLE", "restart_ing, BILLABLE", "restart_succ, BILLABLE", "restart_fail, BILLABLE",
            "restart_timeout, BILLABLE",
            "deleting, BILLABLE", "delete_ing, BILLABLE", "delete_succ, NOT_BILLABLE", "delete_fail, BILLABLE",
            "delete_timeout, BILLABLE", "deleted, NOT_BILLABLE",
            "' Delete_Ing ', BILLABLE", "CREATE_SUCC, BILLABLE" })
    void classifiesEveryStatusTheClientKnows(String status, Billing expected) {
        assertThat(BUILT_IN.classify(status)).as("status='%s'", status).isEqualTo(expected);
    }

    @Test
    void statusesSeenInTheWildHaveDefaultsMigratingIsBilledSuspendedIsNot() {
        assertThat(BUILT_IN.classify("migrate_ing")).as("a migrating container keeps running").isEqualTo(Billing.BILLABLE);
        assertThat(BUILT_IN.classify("suspended")).as("a suspended container does not run").isEqualTo(Billing.NOT_BILLABLE);
        assertThat(BUILT_IN.classify(" Suspended ")).isEqualTo(Billing.NOT_BILLABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "hibernate_ing", "", "create", "succ" })
    void anyOtherStatusIsUnknown(String status) {
        assertThat(BUILT_IN.classify(status)).as("status='%s'", status).isEqualTo(Billing.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = { "creating", "updating", "resizing", "deleting", "restarting", "create_succ",
            "update_timeout", "resize_fail", "delete_ing", "restart_succ" })
    void everyStatusTheClientParsesIsClassifiedAsKnown(String status) {
        assertThat(new ContainerStatus(status).isKnown()).isTrue();
        assertThat(List.of(Billing.BILLABLE, Billing.NOT_BILLABLE)).as("status='%s'", status)
                .contains(BUILT_IN.classify(status));
    }

    @Test
    void configuredStatusesExtendTheTableWithoutABuild() {
        StatusPolicy policy = StatusPolicy.configured(List.of("hibernate_ing", "Rebuild_Succ "), List.of("frozen"));

        assertThat(policy.classify("hibernate_ing")).isEqualTo(Billing.BILLABLE);
        assertThat(policy.classify("rebuild_succ")).as("compared like the table").isEqualTo(Billing.BILLABLE);
        assertThat(policy.classify("frozen")).isEqualTo(Billing.NOT_BILLABLE);
        assertThat(policy.classify("create_succ")).as("the table still answers").isEqualTo(Billing.BILLABLE);
        assertThat(policy.classify("thawing")).as("still unknown").isEqualTo(Billing.UNKNOWN);
        assertThat(BUILT_IN.classify("hibernate_ing")).as("the built-in policy is not changed").isEqualTo(Billing.UNKNOWN);
    }

    @Test
    void configurationMayOverrideTheDefaultsOfStatusesSeenInTheWild() {
        StatusPolicy policy = StatusPolicy.configured(List.of("suspended"), List.of("migrate_ing"));

        assertThat(policy.classify("suspended")).isEqualTo(Billing.BILLABLE);
        assertThat(policy.classify("migrate_ing")).isEqualTo(Billing.NOT_BILLABLE);
    }

    @Test
    void configurationMayRepeatWhatTheTableSays() {
        StatusPolicy policy = StatusPolicy.configured(List.of("create_succ"), List.of("delete_succ"));

        assertThat(policy.classify("create_succ")).isEqualTo(Billing.BILLABLE);
        assertThat(policy.classify("delete_succ")).isEqualTo(Billing.NOT_BILLABLE);
    }

    @Test
    void aStatusInBothListsIsAConfigurationErrorNamingTheSettings() {
        assertThatThrownBy(() -> StatusPolicy.configured(List.of("frozen"), List.of(" FROZEN")))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessage("status 'frozen' is in both flowbill.metering.statuses.billed and"
                        + " flowbill.metering.statuses.unbilled; keep it in one of them");
    }

    @Test
    void aConfiguredStatusThatContradictsTheTableIsAConfigurationErrorNamingTheSetting() {
        assertThatThrownBy(() -> StatusPolicy.configured(List.of("create_fail"), List.of()))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("flowbill.metering.statuses.billed lists 'create_fail', which the built-in"
                        + " status table does not bill")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> StatusPolicy.configured(List.of(), List.of("update_ing")))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("flowbill.metering.statuses.unbilled lists 'update_ing', which the built-in"
                        + " status table bills");
        assertThatThrownBy(() -> StatusPolicy.configured(List.of("deleted"), List.of()))
                .isInstanceOf(ConfigurationRefused.class).hasMessageContaining("'deleted'");
    }

    @Test
    void anEmptyConfiguredStatusIsAConfigurationError() {
        assertThatThrownBy(() -> StatusPolicy.configured(List.of(" "), List.of()))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("flowbill.metering.statuses.billed has an empty status");
    }

    @Test
    void answersTheSameWhenAskedAgainAndAfterMoreDistinctValuesThanItRemembers() {
        StatusPolicy policy = StatusPolicy.configured(List.of(), List.of());
        List<String> known = List.of("create_succ", "create_ing", "delete_succ", "restart_fail", " Delete_Ing ");
        List<Billing> first = known.stream().map(policy::classify).toList();
        for (int i = 0; i < 3_000; i++) {
            assertThat(policy.classify("odd_" + i)).isEqualTo(Billing.UNKNOWN);
        }

        assertThat(known.stream().map(policy::classify).toList()).as("answers asked again").isEqualTo(first)
                .containsExactly(Billing.BILLABLE, Billing.NOT_BILLABLE, Billing.NOT_BILLABLE, Billing.BILLABLE,
                        Billing.BILLABLE);
        assertThat(policy.classify("create_fail")).as("a value first asked after the bound")
                .isEqualTo(Billing.NOT_BILLABLE);
    }
}
