package io.flowbill.export;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

import io.flowbill.invoicing.MonthUsage;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/**
 * What a day report shows beyond its CSV files, read in the export's transaction: the month to date with its
 * invoice, the day's top containers, the day before by item, and the containers that were not billed. Sums of days
 * read the daily rollup ({@code charge_day}, kept by rating with the lines), not a month of charge lines.
 */
final class DayReportQuery {

    /** How many containers the report lists by amount. */
    static final int TOP = 10;

    private static final String TOP_CONTAINERS = """
            select t.container_id, coalesce(v.name, c.name) as name, t.lines, t.amount
              from (select container_id, count(*) as lines, sum(amount) as amount from charge_line
                     where tenant_id = ? and charge_date = ? group by container_id
                     order by sum(amount) desc, container_id limit ?) t
              left join container c on c.tenant_id = ? and c.container_id = t.container_id
              left join lateral (""" + ContainerNames.inForceBefore("c.tenant_id", "t.container_id") + """
                ) v on true
             order by t.amount desc, t.container_id
            """;

    /**
     * How many containers were metered in the day, and those without a charge line of it with the status of their
     * last metered hour, in one read of the day's hours (the count comes on every row, and on a row without a
     * container when every container was billed). The day's containers are grouped once; the status is looked up
     * (one index probe) only for those without a line: sorting the day's every hour by container and time took 3 s
     * at 100,000, and a second grouping for the count 1 s.
     */
    private static final String METERED_AND_UNBILLED = """
            with m as materialized (
                   select tenant_id, container_id from usage_hour
                    where tenant_id = ? and window_start >= ? and window_start < ?
                    group by tenant_id, container_id)
            select n.metered, u.container_id, u.status, u.name, u.unrateable
              from (select count(*) as metered from m) n
              left join lateral (
                   select m.container_id, s.status, coalesce(v.name, c.name) as name,
                          exists (select 1 from metering_exception e
                                   where e.tenant_id = m.tenant_id and e.container_id = m.container_id
                                     and e.kind = 'unrateable_day' and not e.resolved
                                     and e.window_start >= ? and e.window_start < ?) as unrateable
                     from m
                    cross join lateral (select h.status from usage_hour h
                                         where h.tenant_id = m.tenant_id and h.container_id = m.container_id
                                           and h.window_start >= ? and h.window_start < ?
                                         order by h.window_start desc limit 1) s
                     left join container c on c.tenant_id = m.tenant_id and c.container_id = m.container_id
                     left join lateral (""" + ContainerNames.inForceBefore("m.tenant_id", "m.container_id") + """
                       ) v on true
                    where not exists (select 1 from charge_line l
                                       where l.tenant_id = m.tenant_id and l.charge_date = ?
                                         and l.container_id = m.container_id)) u on true
             order by u.container_id
            """;

    /** The same for a rated day, from what rating counted ({@code metered_day}, {@code unbilled_day}). */
    private static final String COUNTED_METERED_AND_UNBILLED = """
            select n.metered, u.container_id, u.status, u.name, u.unrateable
              from (select metered from metered_day where tenant_id = ? and charge_date = ?) n
              left join lateral (
                   select b.container_id, b.status, coalesce(v.name, c.name) as name,
                          exists (select 1 from metering_exception e
                                   where e.tenant_id = b.tenant_id and e.container_id = b.container_id
                                     and e.kind = 'unrateable_day' and not e.resolved
                                     and e.window_start >= ? and e.window_start < ?) as unrateable
                     from unbilled_day b
                     left join container c on c.tenant_id = b.tenant_id and c.container_id = b.container_id
                     left join lateral (""" + ContainerNames.inForceBefore("b.tenant_id", "b.container_id") + """
                       ) v on true
                    where b.tenant_id = ? and b.charge_date = ?) u on true
             order by u.container_id
            """;

    private final JdbcTemplate jdbc;
    private final PriceBook book;
    private final BillingZone zone;

    DayReportQuery(JdbcTemplate jdbc, PriceBook book) {
        this.jdbc = jdbc;
        this.book = book;
        this.zone = book.zone();
    }

    MonthToDate monthToDate(String tenant, LocalDate date) {
        YearMonth month = YearMonth.from(date);
        Date first = Date.valueOf(month.atDay(1));
        Date next = Date.valueOf(month.plusMonths(1).atDay(1));
        Date day = Date.valueOf(date);
        BigDecimal through = jdbc.queryForObject("select coalesce(sum(amount), 0) from charge_day"
                + " where tenant_id = ? and charge_date >= ? and charge_date <= ?", BigDecimal.class, tenant, first, day);
        BigDecimal later = jdbc.queryForObject("select coalesce(sum(amount), 0) from charge_day"
                + " where tenant_id = ? and charge_date > ? and charge_date < ?", BigDecimal.class, tenant, day, next);
        Long rated = jdbc.queryForObject("select count(*) from rated_day where tenant_id = ? and charge_date >= ?"
                + " and charge_date <= ?", Long.class, tenant, first, day);
        SortedMap<String, BigDecimal> monthLevel = new TreeMap<>();
        jdbc.query("select item, sum(amount) from month_charge_line where tenant_id = ? and billing_month = ?"
                + " group by item", rs -> {
                    monthLevel.put(rs.getString(1), rs.getBigDecimal(2));
                }, tenant, first);
        BigDecimal ratedOnce = MonthUsage.ratedOnce(jdbc, tenant, month, book);
        List<MonthToDate.Invoice> invoice = jdbc.query("""
                select i.status, coalesce(i.tax, 0) as tax, i.total,
                       coalesce(sum(l.amount) filter (where l.corrects_month is null), 0) as lines,
                       coalesce(sum(l.amount) filter (where l.corrects_month is not null), 0) as adjustments
                  from invoice i left join invoice_line l on l.invoice_id = i.id
                 where i.tenant_id = ? and i.billing_month = ?
                 group by i.id
                """, (rs, row) -> new MonthToDate.Invoice(rs.getString("status"), rs.getBigDecimal("lines"),
                rs.getBigDecimal("adjustments"), rs.getBigDecimal("tax"), rs.getBigDecimal("total")), tenant, first);
        return new MonthToDate(month.atDay(1), date, rated == null ? 0 : rated, through, later, ratedOnce, monthLevel,
                invoice.isEmpty() ? null : invoice.get(0));
    }

    /**
     * The charges of each rated day of the month, as the daily rollup ({@code charge_day}) holds them: the days whose
     * sum {@link #monthToDate} reports; a day without lines is absent.
     */
    SortedMap<LocalDate, BigDecimal> dailyAmounts(String tenant, YearMonth month) {
        SortedMap<LocalDate, BigDecimal> amounts = new TreeMap<>();
        jdbc.query("select charge_date, sum(amount) from charge_day where tenant_id = ? and charge_date >= ?"
                + " and charge_date < ? group by charge_date", rs -> {
                    amounts.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
                }, tenant, Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
        return amounts;
    }

    /** The day's {@value #TOP} containers with the largest amounts (ties by container id), names at the day's end. */
    List<TopContainer> topContainers(String tenant, LocalDate date) {
        Instant dayEnd = zone.startOf(date.plusDays(1));
        return jdbc.query(TOP_CONTAINERS, (rs, row) -> new TopContainer(rs.getLong("container_id"),
                rs.getString("name"), rs.getLong("lines"), rs.getBigDecimal("amount")), tenant, Date.valueOf(date), TOP,
                tenant, Timestamp.from(dayEnd));
    }

    /** A day's amounts by item; null when the day was never rated (so no line is not the same as zero). */
    SortedMap<String, BigDecimal> amountsByItem(String tenant, LocalDate date) {
        Boolean rated = jdbc.queryForObject("select exists (select 1 from rated_day where tenant_id = ?"
                + " and charge_date = ?)", Boolean.class, tenant, Date.valueOf(date));
        if (!Boolean.TRUE.equals(rated)) {
            return null;
        }
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        jdbc.query("select item, sum(amount) from charge_day where tenant_id = ? and charge_date = ? group by item",
                rs -> {
                    amounts.put(rs.getString(1), rs.getBigDecimal(2));
                }, tenant, Date.valueOf(date));
        return amounts;
    }

    /** The containers metered in the day without a charge line of it, by why. */
    UnbilledContainers unbilled(String tenant, LocalDate date) {
        Timestamp from = Timestamp.from(zone.startOf(date));
        Timestamp to = Timestamp.from(zone.startOf(date.plusDays(1)));
        Date day = Date.valueOf(date);
        ResultSetExtractor<UnbilledContainers> containers = rs -> {
            long metered = 0;
            SortedMap<String, List<UnbilledContainers.Container>> byReason = new TreeMap<>();
            while (rs.next()) {
                metered = rs.getLong("metered");
                long containerId = rs.getLong("container_id");
                if (!rs.wasNull()) {
                    String reason = rs.getBoolean("unrateable") ? UnbilledContainers.UNRATEABLE : rs.getString("status");
                    byReason.computeIfAbsent(reason, r -> new ArrayList<>())
                            .add(new UnbilledContainers.Container(containerId, rs.getString("name")));
                }
            }
            return new UnbilledContainers(metered, byReason);
        };
        if (counted(jdbc, tenant, date)) {
            return jdbc.query(COUNTED_METERED_AND_UNBILLED, containers, tenant, day, from, to, to, tenant, day);
        }
        return jdbc.query(METERED_AND_UNBILLED, containers, tenant, from, to, from, to, from, to, to, day);
    }

    /**
     * Whether rating counted the day's containers and hours while it read them (a day rated since it does): then
     * the report reads those counts, not the day's {@code usage_hour}.
     */
    static boolean counted(JdbcTemplate jdbc, String tenant, LocalDate date) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from metered_day where tenant_id = ?"
                + " and charge_date = ?)", Boolean.class, tenant, Date.valueOf(date)));
    }
}
