package io.flowbill.system;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

/**
 * The monthly partitions of {@code usage_hour} (by the UTC month of {@code window_start}) and {@code charge_line} (by
 * the month of {@code charge_date}): creates them ahead and archives the months past the retention (docs/scaling.md,
 * "Partitioned tables and retention"). The SQL functions of V202612080100 name, bound, create and detach them; both
 * are idempotent and take a lock per table, so concurrent runs are safe. Each statement commits on a connection of
 * its own, outside any transaction of the caller: creating or detaching a partition locks the parent table, which a
 * caller's transaction would hold while the run it starts writes into that table.
 */
@Service
public class Partitions {

    private static final Logger log = LoggerFactory.getLogger(Partitions.class);
    static final List<String> TABLES = List.of("usage_hour", "charge_line");
    private static final Pattern MONTH_PARTITION = Pattern.compile("(usage_hour|charge_line)_(\\d{4})(\\d{2})");

    private final DataSource dataSource;
    private final PartitionsProperties settings;
    private final Clock clock;

    Partitions(DataSource dataSource, PartitionsProperties settings, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Gives every month that {@code [from, to)} touches in any billing zone (a day either side of the UTC months),
     * and the current month and the ahead months, their partitions: a run calls it before it writes.
     */
    public void cover(Instant from, Instant to) {
        YearMonth first = utcMonth(from.minus(Duration.ofDays(1)));
        YearMonth last = utcMonth(to.plus(Duration.ofDays(1)));
        onOwnConnection(jdbc -> {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                create(jdbc, month);
            }
            return null;
        });
        ahead();
    }

    /**
     * Last month, the current month and the {@code ahead-months} after it get their partitions (last month for a
     * billing zone behind UTC); answers the months created.
     */
    public List<YearMonth> ahead() {
        YearMonth current = utcMonth(clock.instant());
        return onOwnConnection(jdbc -> {
            List<YearMonth> created = new ArrayList<>();
            for (YearMonth month = current.minusMonths(1); !month.isAfter(current.plusMonths(settings.aheadMonths()));
                    month = month.plusMonths(1)) {
                if (create(jdbc, month)) {
                    created.add(month);
                }
            }
            return created;
        });
    }

    /**
     * Archives every month partition older than {@code retention-months} before the current month whose rows' tenants
     * all have a FINAL invoice of the month (and no DRAFT one of the months its hours may fall in, for
     * {@code usage_hour}); answers what it archived and what it kept, one line each.
     */
    public List<String> retire() {
        YearMonth oldestKept = utcMonth(clock.instant()).minusMonths(settings.retentionMonths());
        return onOwnConnection(jdbc -> retire(jdbc, oldestKept));
    }

    private List<String> retire(JdbcTemplate jdbc, YearMonth oldestKept) {
        List<String> lines = new ArrayList<>();
        for (String partition : monthPartitions(jdbc)) {
            Matcher name = MONTH_PARTITION.matcher(partition);
            if (!name.matches()) {
                continue;
            }
            String table = name.group(1);
            YearMonth month = YearMonth.of(Integer.parseInt(name.group(2)), Integer.parseInt(name.group(3)));
            if (!month.isBefore(oldestKept)) {
                continue;
            }
            List<String> open = tenantsNotFinal(jdbc, partition, table, month);
            if (open.isEmpty()) {
                String archive = jdbc.queryForObject("select flowbill_archive_partition(?, ?)", String.class, table,
                        Date.valueOf(month.atDay(1)));
                lines.add("archived " + table + " " + month + " as " + archive);
            }
            else {
                lines.add("kept " + table + " " + month + ": not closed for " + String.join(", ", open));
            }
        }
        return lines;
    }

    /**
     * Gathers the statistics of the two partitioned tables as a whole, which the planner reads to estimate their
     * joins and which autovacuum never gathers (it analyzes each partition, not the parent). {@code ANALYZE} of a
     * parent samples each partition too: a fixed-size sample per partition, so its cost grows with the months kept.
     */
    public void analyze() {
        onOwnConnection(jdbc -> {
            jdbc.execute("analyze usage_hour");
            jdbc.execute("analyze charge_line");
            return null;
        });
    }

    /**
     * {@link #analyze()} after a night's billing ({@code nightly}, a {@code serve} tick that billed), so the tables'
     * statistics as a whole follow the data without a scheduled {@code partitions}; a failure is logged, not
     * raised: the bill is written, and the next night gathers them again.
     */
    public void analyzeAfterBilling() {
        try {
            analyze();
        }
        catch (DataAccessException e) {
            log.warn("The statistics of usage_hour and charge_line were not gathered after billing ({}); the next"
                    + " night or `flowbill partitions` gathers them", e.getMostSpecificCause().getMessage());
        }
    }

    /** The partitions of {@code charge_line} and {@code usage_hour}, by name (a table's months oldest first). */
    public List<String> monthPartitions() {
        return onOwnConnection(Partitions::monthPartitions);
    }

    private static List<String> monthPartitions(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                 where i.inhparent in ('usage_hour'::regclass, 'charge_line'::regclass)
                 order by c.relname
                """, String.class);
    }

    private static boolean create(JdbcTemplate jdbc, YearMonth month) {
        boolean existed = true;
        for (String table : TABLES) {
            String name = table + "_" + String.format("%04d%02d", month.getYear(), month.getMonthValue());
            if (jdbc.queryForObject("select to_regclass(?) is null", Boolean.class, name)) {
                existed = false;
                jdbc.queryForObject("select flowbill_month_partition(?, ?)", String.class, table,
                        Date.valueOf(month.atDay(1)));
            }
        }
        return !existed;
    }

    /**
     * The tenants with rows in the partition that keep its month open: no FINAL invoice of the month, or a DRAFT one
     * of a month its rows may belong to (for a UTC month of hours, the billing months either side too).
     */
    private static List<String> tenantsNotFinal(JdbcTemplate jdbc, String partition, String table, YearMonth month) {
        int around = "usage_hour".equals(table) ? 1 : 0;
        return jdbc.queryForList("""
                select t.tenant_id from flowbill_tenant t
                 where exists (select 1 from %s p where p.tenant_id = t.tenant_id)
                   and (not exists (select 1 from invoice i where i.tenant_id = t.tenant_id and i.billing_month = ?
                                                              and i.status = 'FINAL')
                        or exists (select 1 from invoice i where i.tenant_id = t.tenant_id and i.status <> 'FINAL'
                                                             and i.billing_month between ? and ?))
                 order by 1
                """.formatted(partition), String.class, Date.valueOf(month.atDay(1)),
                Date.valueOf(month.minusMonths(around).atDay(1)), Date.valueOf(month.plusMonths(around).atDay(1)));
    }

    private <T> T onOwnConnection(Function<JdbcTemplate, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        }
        catch (SQLException cannotConnect) {
            throw new DataAccessResourceFailureException("partitions: " + cannotConnect.getMessage(), cannotConnect);
        }
    }

    private static YearMonth utcMonth(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC));
    }
}
