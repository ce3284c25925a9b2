package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.flowbill.containerapi.ContainerStatus.Operation;
import io.flowbill.containerapi.ContainerStatus.Phase;

class ContainerStatusTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "creating,       CREATE,  IN_PROGRESS",
            "create_ing,     CREATE,  IN_PROGRESS",
            "create_succ,    CREATE,  SUCCEEDED",
            "create_fail,    CREATE,  FAILED",
            "create_timeout, CREATE,  TIMED_OUT",
            "updating,       UPDATE,  IN_PROGRESS",
            "update_succ,    UPDATE,  SUCCEEDED",
            "resize_fail,    RESIZE,  FAILED",
            "deleting,       DELETE,  IN_PROGRESS",
            "delete_timeout, DELETE,  TIMED_OUT",
            "restart_succ,   RESTART, SUCCEEDED",
            "Create_Succ,    CREATE,  SUCCEEDED",
    })
    void understandsDocumentedAndObservedStatuses(String raw, Operation operation, Phase phase) {
        ContainerStatus status = ContainerStatus.of(raw);

        assertThat(status.isKnown()).isTrue();
        assertThat(status.operation()).isEqualTo(operation);
        assertThat(status.phase()).isEqualTo(phase);
        assertThat(status.value()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"migrating", "create_paused", "''", "running"})
    void keepsUnknownStatusesWithoutThrowing(String raw) {
        ContainerStatus status = ContainerStatus.of(raw);

        assertThat(status.isKnown()).isFalse();
        assertThat(status.operation()).isNull();
        assertThat(status.phase()).isNull();
        assertThat(status.toString()).isEqualTo(raw);
    }

    @Test
    void nullStaysNull() {
        assertThat(ContainerStatus.of(null)).isNull();
    }

    @Test
    void writesBackTheRawString() {
        assertThat(ApiJson.MAPPER.writeValueAsString(ContainerStatus.of("restart_succ"))).isEqualTo("\"restart_succ\"");
    }
}
