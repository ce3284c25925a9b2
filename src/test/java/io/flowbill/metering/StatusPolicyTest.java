package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.flowbill.containerapi.ContainerStatus;
import io.flowbill.metering.StatusPolicy.Billing;

/** Every status the client understands has one billing treatment, whichever way the API spells it. */
class StatusPolicyTest {

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
        assertThat(StatusPolicy.classify(status)).as("status='%s'", status).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "migrate_ing", "suspended", "", "create", "succ" })
    void anyOtherStatusIsUnknown(String status) {
        assertThat(StatusPolicy.classify(status)).as("status='%s'", status).isEqualTo(Billing.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = { "creating", "updating", "resizing", "deleting", "restarting", "create_succ",
            "update_timeout", "resize_fail", "delete_ing", "restart_succ" })
    void everyStatusTheClientParsesIsClassifiedAsKnown(String status) {
        assertThat(new ContainerStatus(status).isKnown()).isTrue();
        assertThat(List.of(Billing.BILLABLE, Billing.NOT_BILLABLE)).as("status='%s'", status)
                .contains(StatusPolicy.classify(status));
    }

    @Test
    void answersTheSameWhenAskedAgainAndAfterMoreDistinctValuesThanItRemembers() {
        List<String> known = List.of("create_succ", "create_ing", "delete_succ", "restart_fail", " Delete_Ing ");
        List<Billing> first = known.stream().map(StatusPolicy::classify).toList();
        for (int i = 0; i < 3_000; i++) {
            assertThat(StatusPolicy.classify("odd_" + i)).isEqualTo(Billing.UNKNOWN);
        }

        assertThat(known.stream().map(StatusPolicy::classify).toList()).as("answers asked again").isEqualTo(first)
                .containsExactly(Billing.BILLABLE, Billing.NOT_BILLABLE, Billing.NOT_BILLABLE, Billing.BILLABLE,
                        Billing.BILLABLE);
        assertThat(StatusPolicy.classify("create_fail")).as("a value first asked after the bound")
                .isEqualTo(Billing.NOT_BILLABLE);
    }
}
