package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestRabbit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code bench --accounts 2 --workers 1} end to end at a small size so the option cannot rot: the manager
 * sends the flow step's partitions to a worker process over RabbitMQ ({@code FLOWBILL_TEST_RABBITMQ_URL}; skipped
 * without a broker), and the figures name what the API admitted, what it refused and each process's CPU.
 */
@Slow
class BenchAccountsIT {

    @Test
    void accountsBenchWithOneWorkerMetersThroughTheWorkerAndReportsTheApiFigures(@TempDir Path workDir)
            throws Exception {
        TestRabbit.Broker broker = TestRabbit.broker();
        TestDatabase.Database server = TestDatabase.fresh();

        FlowbillJar.Outcome run = FlowbillJar.command("bench", "--accounts", "2", "--workers", "1", "--account-rps",
                "50", "--containers", "200", "--repeat", "1").in(workDir).database(server).env(broker.environment())
                .heap("512m").start().finish(Patience.seconds(400));

        String log = run.output();
        assertThat(run.exitCode()).as(log).isZero();
        Map<?, ?> figures = JsonMapper.builder().build()
                .readValue(workDir.resolve("target/bench/accounts-results.json").toFile(), Map.class);
        assertThat(figures.get("workers")).as(log).isEqualTo(1);
        assertThat(figures.get("ideal_calls_per_second")).as(log).isEqualTo(100);
        long requests = ((Number) figures.get("sandbox_requests")).longValue();
        Map<?, ?> window = (Map<?, ?>) ((List<?>) figures.get("repetitions")).get(0);
        // the flow step's calls are the worker's, which the manager reads from the partitions it ran
        assertThat(((Number) window.get("calls")).longValue()).as("the window's calls, the worker's included, %s", log)
                .isGreaterThan(requests / 2).isLessThanOrEqualTo(requests);
        double admitted = ((Number) figures.get("api_admitted_per_second")).doubleValue();
        assertThat(admitted).as("calls/s the API admitted, %s", log).isPositive().isLessThanOrEqualTo(100 * 1.05);
        assertThat(((Number) figures.get("sandbox_refused_over_limit")).longValue())
                .as("requests refused over an account's limit, %s", log).isLessThan(requests / 4);
        assertThat(((Map<?, ?>) window.get("cpu_seconds")).keySet().stream().map(String::valueOf).toList()).as(log)
                .containsExactly("manager", "sandbox", "worker-0");
        assertThat(log).contains("the API admitted").contains("refused over the account limit");
        Matcher queue = Pattern.compile("RabbitMQ queue (flowbill-bench-\\S+) and its dead letters deleted").matcher(log);
        assertThat(queue.find()).as("the bench's queue line in %s", log).isTrue();
        assertThat(broker.queueExists(queue.group(1))).as("queue %s after the bench", queue.group(1)).isFalse();
    }
}
