package io.flowbill.metering;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.accounts.Account;
import io.flowbill.accounts.ApiAccount;

/**
 * Splits a tenant's containers of a metering range into {@code gridSize} ranges of container ids with (about) the
 * same number of containers each, per API account of the tenant (a tenant over A accounts has A x K partitions),
 * named {@code partition0}, {@code partition1}, ... Each partition's context
 * carries what its worker needs besides the job parameters: {@value #TENANT}, {@value #ACCOUNT} (the API account
 * whose containers it meters, with that account's client), {@value #FROM_ID} (inclusive),
 * {@value #TO_ID} (exclusive), and its share 1/K of the account's request budget ({@value #REQUESTS_PER_SECOND},
 * {@value #MAX_CONCURRENCY}, at least 1 each; a rate of 0 stays unlimited) for a worker in another process, which has a client of its own.
 * Workers in this process share the account's one client instead, so the account's limits bound them together.
 * The first range starts at the smallest id there is and the last ends at the largest, so every container, also
 * one found by the scan of a restart, belongs to exactly one partition.
 */
final class FlowPartitioner implements Partitioner {

    static final String TENANT = "tenant";
    static final String ACCOUNT = "account";
    static final String FROM_ID = "from-id";
    static final String TO_ID = "to-id";
    static final String REQUESTS_PER_SECOND = "requests-per-second";
    static final String MAX_CONCURRENCY = "max-concurrency";
    static final String PARTITION = "partition";

    /** The ids of the containers to split, sorted: how many there are and the one at a position. */
    interface Ids {
        long count();

        long at(long position);
    }

    private final Function<String, Ids> idsOf;
    private final Account account;

    /** @param idsOf the containers of one API account of the tenant, by the account's name */
    FlowPartitioner(Function<String, Ids> idsOf, Account account) {
        this.idsOf = idsOf;
        this.account = account;
    }

    /** A partitioner of a tenant of one API account, whose containers are {@code ids}. */
    FlowPartitioner(Ids ids, Account account) {
        this(api -> ids, account);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int k = Math.max(1, gridSize);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (ApiAccount api : account.apis()) {
            Ids ids = idsOf.apply(api.name());
            long count = ids.count();
            long from = Long.MIN_VALUE;
            for (int i = 0; i < k; i++) {
                long to = i == k - 1 ? Long.MAX_VALUE : boundary(ids, count, i + 1, k, from);
                ExecutionContext context = new ExecutionContext();
                context.putString(TENANT, account.tenant());
                context.putString(ACCOUNT, api.name());
                context.putLong(FROM_ID, from);
                context.putLong(TO_ID, to);
                int rate = api.api().requestsPerSecond();
                context.putInt(REQUESTS_PER_SECOND, rate == 0 ? 0 : Math.max(1, rate / k));
                context.putInt(MAX_CONCURRENCY, Math.max(1, api.api().maxConcurrency() / k));
                context.putString(PARTITION, (i + 1) + "/" + k + (account.apis().size() > 1 ? " of " + api.name() : ""));
                partitions.put("partition" + partitions.size(), context);
                from = to;
            }
        }
        return partitions;
    }

    /** The first id of the {@code part}-th share of {@code k}; never below the previous boundary. */
    private static long boundary(Ids ids, long count, int part, int k, long previous) {
        long position = count * part / k;
        if (count == 0) {
            return previous;
        }
        return Math.max(previous, ids.at(position));
    }

    /** The containers of the tenant's API account {@code account} alive in the range (those the flow step may read), by id. */
    record Containers(JdbcTemplate jdbc, String tenant, String account, MeteringRange range) implements Ids {

        private static final String ALIVE = """
                from container where tenant_id = ? and coalesce(account, tenant_id) = ? and created_at < ?
                   and (gone_at is null or last_seen_at > ?)
                """;

        @Override
        public long count() {
            Long count = jdbc.queryForObject("select count(*) " + ALIVE, Long.class, tenant, account,
                    Timestamp.from(range.to()), Timestamp.from(range.from()));
            return count == null ? 0 : count;
        }

        @Override
        public long at(long position) {
            Long id = jdbc.queryForObject("select container_id " + ALIVE + " order by container_id offset ? limit 1",
                    Long.class, tenant, account, Timestamp.from(range.to()), Timestamp.from(range.from()), position);
            return id == null ? Long.MAX_VALUE : id;
        }
    }
}
