package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.RatingService;
import io.flowbill.system.IntegrationTest;

/**
 * Without {@code flowbill.cluster.enabled} nothing of the cluster exists and no broker is needed: with
 * {@code spring.rabbitmq.port} pointing where nothing listens, the day is rated in this process and there is no
 * RabbitMQ health check to turn the health DOWN.
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.invoicing.partitions=3", "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=1" })
class ClusterOffIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    RatingService rating;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withoutTheClusterADayIsRatedInThisProcessWithNoBrokerReachable() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();

        rating.rate(FixtureFleet.TENANT, FixtureFleet.DAY);

        assertThat(jdbc.queryForObject("select count(*) from charge_line", Integer.class))
                .as("charge lines of %s", FixtureFleet.DAY).isEqualTo(14);
        assertThat(context.getBeanNamesForType(PartitionWorker.class)).as("partition workers").isEmpty();
        assertThat(context.containsBean("partitionRequests")).as("the partition requests channel").isFalse();
        assertThat(context.containsBean("rabbitHealthContributor")).as("RabbitMQ health check").isFalse();
    }
}
