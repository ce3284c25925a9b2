package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PackageMonth;
import io.flowbill.pricing.PriceBook;

/**
 * One tenant's package months of a calendar month: the rated days' {@code package_day} rows summed per container,
 * spec and price version, as the running sums {@code package_month} hold them ({@link MonthSums}); a month with days
 * rated before package days had versions is summed from its daily rows. A row rated before package days had versions (no {@code price_version}) is
 * the version in effect at its day's start when no version takes effect within that day; such a day with a
 * version change inside is refused, named, until it is rated again.
 */
final class PackageMonthQuery {

    /** The month's package days as the running sums hold them ({@link MonthSums}), when every day has versions. */
    private static final String SUMMED = """
            select tenant_id, container_id, spec_id, price_version, cast(null as date), package_seconds, outbound_mb
              from package_month where tenant_id = ? and billing_month = ?
             order by tenant_id, container_id, spec_id, price_version
            """;

    /** The month's package days summed from the daily rows: for a month with days rated before versions. */
    private static final String SQL = """
            select tenant_id, container_id, spec_id, price_version,
                   case when price_version is null then charge_date end, sum(package_seconds), sum(outbound_mb)
              from package_day where tenant_id = ? and charge_date >= ? and charge_date < ?
             group by tenant_id, container_id, spec_id, price_version, 5
             order by tenant_id, container_id, spec_id
            """;

    private final JdbcTemplate jdbc;
    private final String tenant;
    private final PriceBook book;

    /** The package months of {@code tenant}, whose {@code book} (with its plan) named the versions. */
    PackageMonthQuery(JdbcTemplate jdbc, String tenant, PriceBook book) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.book = book;
    }

    /**
     * Hands each container's package month of each spec with billable package seconds to {@code sink}, in
     * (tenant, container, spec) order.
     *
     * @throws IllegalStateException when a day rated without versions has a version change inside it
     */
    void forEach(YearMonth month, Consumer<PackageMonth> sink) {
        boolean unversioned = requireVersionsDeducible(month);
        Group[] group = { null };
        jdbc.query(unversioned ? SQL : SUMMED, rs -> {
            String version = rs.getString(4);
            if (version == null) {
                version = book.versionAt(book.zone().startOf(rs.getDate(5).toLocalDate())).name();
            }
            Group current = new Group(rs.getString(1), rs.getLong(2), rs.getInt(3));
            if (!current.equals(group[0])) {
                emit(group[0], month, sink);
                group[0] = current;
            }
            group[0].add(version, rs.getLong(6), rs.getBigDecimal(7));
        }, unversioned ? new Object[] { tenant, Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)) }
                : new Object[] { tenant, Date.valueOf(month.atDay(1)) });
        emit(group[0], month, sink);
    }

    /** Whether the month has days rated before versions; refuses one whose version is not deducible. */
    private boolean requireVersionsDeducible(YearMonth month) {
        BillingZone zone = book.zone();
        TreeSet<LocalDate> refused = new TreeSet<>();
        List<Date> unversioned = jdbc.queryForList("select distinct charge_date from package_day where tenant_id = ? and charge_date >= ?"
                + " and charge_date < ? and price_version is null", Date.class, tenant, Date.valueOf(month.atDay(1)),
                Date.valueOf(month.plusMonths(1).atDay(1)));
        unversioned.forEach(day -> {
                    LocalDate date = day.toLocalDate();
                    if (!book.changesWithin(zone.startOf(date), zone.startOf(date.plusDays(1))).isEmpty()) {
                        refused.add(date);
                    }
                });
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the package overage of " + month + " needs the package days of "
                    + String.join(", ", refused.stream().map(LocalDate::toString).toList()) + " per price version:"
                    + " a version takes effect within those days, and an earlier flowbill rated them without"
                    + " versions: rate those days again ('rate --date DAY') and refresh");
        }
        return !unversioned.isEmpty();
    }

    private static void emit(Group group, YearMonth month, Consumer<PackageMonth> sink) {
        if (group != null && group.seconds > 0) {
            List<PackageMonth.Usage> usage = new ArrayList<>();
            group.usage.forEach((version, sums) -> usage.add(new PackageMonth.Usage(version, sums.seconds, sums.mb)));
            sink.accept(new PackageMonth(group.tenant, group.containerId, group.specId, month, usage));
        }
    }

    /** One container and spec's rows, summed per version. */
    private static final class Group {

        private final String tenant;
        private final long containerId;
        private final int specId;
        private final Map<String, Sums> usage = new LinkedHashMap<>();
        private long seconds;

        Group(String tenant, long containerId, int specId) {
            this.tenant = tenant;
            this.containerId = containerId;
            this.specId = specId;
        }

        void add(String version, long packageSeconds, BigDecimal outboundMb) {
            Sums sums = usage.computeIfAbsent(version, v -> new Sums());
            sums.seconds += packageSeconds;
            sums.mb = sums.mb.add(outboundMb);
            seconds += packageSeconds;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Group group && group.containerId == containerId && group.specId == specId
                    && group.tenant.equals(tenant);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, containerId, specId);
        }
    }

    private static final class Sums {

        private long seconds;
        private BigDecimal mb = BigDecimal.ZERO;
    }
}
