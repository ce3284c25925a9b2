package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.flowbill.accounts.Account;
import io.flowbill.containerapi.ContainerApiProperties;

class FlowPartitionerTest {

    static final Account ACCOUNT = new Account("acme", ContainerApiProperties.defaults(URI.create("http://api.example"))
            .withToken("t").withLimits(32, 250), null);

    @Test
    void splitsTheContainersIntoIdRangesOfEqualSharesCarryingTenantAndRequestBudget() {
        Map<String, ExecutionContext> partitions = partitioner(ids(1, 2, 3, 5, 8, 13, 21, 34, 55, 89)).partition(3);

        assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2");
        assertThat(range(partitions.get("partition0"))).containsExactly(Long.MIN_VALUE, 5L);
        assertThat(range(partitions.get("partition1"))).containsExactly(5L, 21L);
        assertThat(range(partitions.get("partition2"))).containsExactly(21L, Long.MAX_VALUE);
        for (ExecutionContext partition : partitions.values()) {
            assertThat(partition.getString(FlowPartitioner.TENANT)).isEqualTo("acme");
            assertThat(partition.getInt(FlowPartitioner.REQUESTS_PER_SECOND)).as("250 requests/s over 3").isEqualTo(83);
            assertThat(partition.getInt(FlowPartitioner.MAX_CONCURRENCY)).as("32 in flight over 3").isEqualTo(10);
        }
        assertThat(members(partitions, ids(1, 2, 3, 5, 8, 13, 21, 34, 55, 89))).containsExactly(3, 3, 4);
    }

    @Test
    void everyContainerBelongsToExactlyOnePartitionWhateverTheGridSize() {
        List<Long> ids = new ArrayList<>();
        for (long id = 100; ids.size() < 37; id += 1 + id % 7) {
            ids.add(id);
        }
        for (int k = 1; k <= 40; k++) {
            Map<String, ExecutionContext> partitions = partitioner(ids).partition(k);
            assertThat(partitions).as("grid size %s", k).hasSize(k);
            assertThat(members(partitions, ids).stream().mapToInt(Integer::intValue).sum()).as("grid size %s", k)
                    .isEqualTo(ids.size());
            long from = Long.MIN_VALUE;
            for (int i = 0; i < k; i++) {
                List<Long> range = range(partitions.get("partition" + i));
                assertThat(range.get(0)).as("grid size %s, partition %s starts where the last ended", k, i).isEqualTo(from);
                assertThat(range.get(1)).as("grid size %s, partition %s", k, i).isGreaterThanOrEqualTo(range.get(0));
                from = range.get(1);
            }
            assertThat(from).as("grid size %s: the last range ends at the largest id", k).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void anEmptyFleetStillGetsItsPartitionsAndAnUnlimitedRateStaysUnlimited() {
        Account unlimited = new Account("acme", ACCOUNT.api().withLimits(2, 0), null);
        Map<String, ExecutionContext> partitions = new FlowPartitioner(new ListIds(List.of()), unlimited).partition(4);

        assertThat(partitions).hasSize(4);
        assertThat(range(partitions.get("partition3"))).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(partitions.get("partition0").getInt(FlowPartitioner.REQUESTS_PER_SECOND)).isZero();
        assertThat(partitions.get("partition0").getInt(FlowPartitioner.MAX_CONCURRENCY)).as("at least 1").isEqualTo(1);
    }

    private static FlowPartitioner partitioner(List<Long> ids) {
        return new FlowPartitioner(new ListIds(ids), ACCOUNT);
    }

    private static List<Long> ids(long... ids) {
        return java.util.Arrays.stream(ids).boxed().toList();
    }

    private static List<Long> range(ExecutionContext partition) {
        return List.of(partition.getLong(FlowPartitioner.FROM_ID), partition.getLong(FlowPartitioner.TO_ID));
    }

    /** How many of {@code ids} each partition holds (from-id inclusive, to-id exclusive), in partition order. */
    private static List<Integer> members(Map<String, ExecutionContext> partitions, List<Long> ids) {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < partitions.size(); i++) {
            List<Long> range = range(partitions.get("partition" + i));
            counts.add((int) ids.stream().filter(id -> id >= range.get(0) && id < range.get(1)).count());
        }
        return counts;
    }

    private record ListIds(List<Long> ids) implements FlowPartitioner.Ids {

        @Override
        public long count() {
            return ids.size();
        }

        @Override
        public long at(long position) {
            return ids.get((int) position);
        }
    }
}
