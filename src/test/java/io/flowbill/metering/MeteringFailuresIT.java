package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.flowbill.sandbox.Endpoint;
import io.flowbill.sandbox.Fault;

/**
 * The API fails: a few unreadable hours are written with pending traffic and read again later; an outage fails the
 * run (after writing its hours, traffic pending), and the same command resumes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeteringFailuresIT extends SmallFleetBase {

    @RegisterExtension
    static final SmallFleet fleet = new SmallFleet();

    static final Instant MORNING = SmallFleet.DAY.plus(Duration.ofHours(6));

    @Test
    @Order(1)
    void aFewUnreadableHoursAreExceptionsAndTheNextRunReadsThem() throws Exception {
        MeteringRange night = new MeteringRange(SmallFleet.DAY, MORNING);
        fleet.sandbox.faults().failNext(Endpoint.FLOW, 3, Fault.SERVER_ERROR);

        MeteringSummary first = metering.meter(settings.tenant(), night, false);
        MeteringSummary second = metering.meter(settings.tenant(), night, false);
        MeteringSummary third = metering.meter(settings.tenant(), night, false);

        assertThat(first.exceptions()).containsEntry("flow_unavailable", 3L);
        assertThat(first.usageRows()).as("the run completed with the rest of the hours").isGreaterThan(300);
        assertThat(second.alreadyMetered()).as("unreadable hours are read again").isFalse();
        assertThat(second.usageRows()).isEqualTo(3);
        assertThat(count("select count(*) from metering_exception where kind = 'flow_unavailable' and not resolved"))
                .isZero();
        assertThat(third.alreadyMetered()).isTrue();
    }

    @Test
    @Order(2)
    void anOutageFailsTheRunAndTheSameCommandResumesIt() throws Exception {
        MeteringRange morning = new MeteringRange(MORNING, MORNING.plus(Duration.ofHours(2)));
        fleet.sandbox.faults().failNext(Endpoint.FLOW, 100_000, Fault.SERVER_ERROR);

        assertThatThrownBy(() -> metering.meter(settings.tenant(), morning, false))
                .isInstanceOf(MeteringFailedException.class)
                .hasMessageContaining("could not be read from the container API")
                .hasMessageContaining("run the same command again");
        long written = count("select count(*) from usage_hour where window_start >= ?", java.sql.Timestamp.from(MORNING));
        long pending = count("select count(*) from usage_hour where window_start >= ? and traffic_pending",
                java.sql.Timestamp.from(MORNING));
        fleet.sandbox.faults().reset();
        MeteringSummary resumed = metering.meter(settings.tenant(), morning, false);

        assertThat(written).as("an outage still writes every hour").isPositive();
        assertThat(pending).as("... with its traffic pending").isEqualTo(written);
        assertThat(count("select count(*) from usage_hour where window_start >= ? and traffic_pending",
                java.sql.Timestamp.from(MORNING))).as("the resumed run read every pending hour").isZero();
        assertThat(resumed.usageRows()).isPositive();
        assertThat(resumed.exceptions()).doesNotContainKey("flow_unavailable");
        assertThat(jdbc.queryForList("select e.status from batch_job_execution e join batch_job_execution_params p"
                + " on p.job_execution_id = e.job_execution_id where p.parameter_name = 'from' and p.parameter_value = ?"
                + " order by e.job_execution_id", String.class, MORNING.toString()))
                .containsExactly("FAILED", "COMPLETED");
    }

}
