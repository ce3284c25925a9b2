package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.flowbill.pricing.ChargeItem;
import io.flowbill.pricing.ChargeLine;
import io.flowbill.pricing.PackageOverage;
import io.flowbill.pricing.PlanLine;
import io.flowbill.pricing.PlanRating;
import io.flowbill.pricing.PlannedBook;
import io.flowbill.pricing.TenantPriceBooks;
import io.flowbill.pricing.PriceBook;

/**
 * The month-level lines of one tenant's calendar month, priced by that tenant's book and plan
 * ({@link TenantPriceBooks#of}): package overage ({@link PackageOverage}), the
 * package days that rating recorded for the month's days summed per container, spec and price version
 * ({@link PackageMonthQuery}) and rated; then the price plan's lines ({@link PlanRating}: discounts and the
 * commitment shortfall, container 0), from the month's usage as the invoice rates it and the overage. The tenant's stored lines of the
 * month are replaced in one transaction when the result differs, so a month whose usage did not change keeps its rows
 * untouched.
 */
@Component
class MonthRating {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TenantPriceBooks books;
    private final MonthSums sums;

    MonthRating(DataSource dataSource, PlatformTransactionManager transactionManager, TenantPriceBooks books,
            InvoicingProperties settings, MonthSums sums) {
        this.sums = sums;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(settings.chunkSize());
        this.transaction = new TransactionTemplate(transactionManager);
        this.books = books;
    }

    /**
     * Rates the month's invoice lines that changed since the last time ({@link MonthSums#rateChanged}), then the
     * tenant's month-level lines of the month again; returns whether the month-level lines changed.
     */
    boolean rate(String tenant, YearMonth month) {
        PlannedBook planned = books.of(tenant);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            sums.rateChanged(tenant, month, books.book().currency());
            List<ChargeLine> overage = overage(tenant, planned.book(), month);
            List<MonthLine> lines = new ArrayList<>(overage.stream().map(MonthLine::of).toList());
            lines.addAll(planLines(tenant, new PlanRating(planned), month, overage).stream().map(MonthLine::of)
                    .toList());
            return replace(tenant, month, lines);
        }));
    }

    /**
     * The plan's lines of the tenant from the month's usage rated once per invoice line, per price version and item,
     * plus the overage: the discounts and the commitment see the amounts the invoice bills.
     */
    private List<PlanLine> planLines(String tenant, PlanRating planRating, YearMonth month, List<ChargeLine> overage) {
        if (!planRating.active()) {
            return List.of();
        }
        List<PlanRating.Charged> charged = new ArrayList<>();
        PriceBook book = books.book();
        new NamedParameterJdbcTemplate(jdbc).query("select price_version, item, sum(amount) from ("
                + InvoiceSql.ratedUsage(book.currency()) + ") usage group by price_version, item",
                InvoiceStore.monthParams(tenant, month, book.zone()), rs -> {
                    charged.add(new PlanRating.Charged(rs.getString(1), ChargeItem.ofCode(rs.getString(2)),
                            rs.getBigDecimal(3)));
                });
        for (ChargeLine line : overage) {
            charged.add(new PlanRating.Charged(line.priceVersion(), line.item(), line.amount()));
        }
        return planRating.rate(tenant, month, charged);
    }

    private List<ChargeLine> overage(String tenant, PriceBook book, YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        Date next = Date.valueOf(month.plusMonths(1).atDay(1));
        List<String> untallied = jdbc.queryForList("select to_char(charge_date, 'YYYY-MM-DD') from rated_day"
                + " where tenant_id = ? and charge_date >= ? and charge_date < ? and not package_days order by 1",
                String.class, tenant, first, next);
        if (!untallied.isEmpty()) {
            throw new IllegalStateException("the package overage of " + month + " needs the package days of "
                    + String.join(", ", untallied) + ", rated by an earlier flowbill that did not record them:"
                    + " rate those days again ('rate --date DAY') and refresh");
        }
        PackageOverage overage = new PackageOverage(book);
        List<ChargeLine> lines = new ArrayList<>();
        new PackageMonthQuery(jdbc, tenant, book).forEach(month, packageMonth -> lines.addAll(overage.rate(packageMonth)));
        return lines;
    }

    private boolean replace(String tenant, YearMonth month, List<MonthLine> lines) {
        Date first = Date.valueOf(month.atDay(1));
        List<String> stored = jdbc.query("""
                select tenant_id, container_id, item, charge_type, spec_id, price_version, quantity, unit, unit_price,
                       amount, currency
                  from month_charge_line where tenant_id = ? and billing_month = ?
                """, (rs, row) -> new MonthLine(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getString(11)).fingerprint(), tenant, first);
        List<String> computed = lines.stream().map(MonthLine::fingerprint).toList();
        if (stored.size() == computed.size() && stored.stream().sorted().toList()
                .equals(computed.stream().sorted().toList())) {
            return false;
        }
        jdbc.update("delete from month_charge_line where tenant_id = ? and billing_month = ?", tenant, first);
        jdbc.batchUpdate("""
                insert into month_charge_line (tenant_id, billing_month, container_id, item, charge_type, spec_id,
                  price_version, quantity, unit, unit_price, amount, currency, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                """, lines, 1000, (ps, line) -> {
            ps.setString(1, line.tenant());
            ps.setDate(2, first);
            ps.setLong(3, line.containerId());
            ps.setString(4, line.item());
            ps.setInt(5, line.chargeType());
            ps.setInt(6, line.specId());
            ps.setString(7, line.priceVersion());
            ps.setBigDecimal(8, line.quantity());
            ps.setString(9, line.unit());
            ps.setBigDecimal(10, line.unitPrice());
            ps.setBigDecimal(11, line.amount());
            ps.setString(12, line.currency());
        });
        return true;
    }

    /**
     * A row of {@code month_charge_line}: a container's package overage, or a plan line of the tenant (container,
     * charge type and spec 0, the plan version as price version).
     */
    private record MonthLine(String tenant, long containerId, String item, int chargeType, int specId,
            String priceVersion, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal amount,
            String currency) {

        static MonthLine of(ChargeLine l) {
            return new MonthLine(l.tenant(), l.containerId(), l.item().code(), l.chargeType().code(), l.specId(),
                    l.priceVersion(), l.quantity(), l.unit(), l.unitPrice(), l.amount(), l.currency().getCurrencyCode());
        }

        static MonthLine of(PlanLine l) {
            return new MonthLine(l.tenant(), 0, l.item(), 0, 0, l.planVersion(), l.quantity(), l.unit(), l.unitPrice(),
                    l.amount(), l.currency().getCurrencyCode());
        }

        String fingerprint() {
            return String.join("|", tenant, Long.toString(containerId), item, Integer.toString(chargeType),
                    Integer.toString(specId), priceVersion, plain(quantity), unit, plain(unitPrice), plain(amount),
                    currency);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
