package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.flowbill.pricing.ChargeLine;
import io.flowbill.pricing.PackageOverage;
import io.flowbill.pricing.PriceBook;

/**
 * The month-level lines of a calendar month (package overage, {@link PackageOverage}), for every tenant: the
 * package days that rating recorded for the month's days are summed per container, spec and price version
 * ({@link PackageMonthQuery}) and rated, and the month's stored lines are replaced in one transaction when the result
 * differs, so a month whose usage did not change keeps its rows untouched.
 */
@Component
class MonthRating {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PriceBook book;
    private final PackageMonthQuery packageMonths;

    MonthRating(DataSource dataSource, PlatformTransactionManager transactionManager, PriceBook book,
            InvoicingProperties settings) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(settings.chunkSize());
        this.transaction = new TransactionTemplate(transactionManager);
        this.book = book;
        this.packageMonths = new PackageMonthQuery(jdbc, book);
    }

    /** Rates the month's month-level lines again; returns whether they changed. */
    boolean rate(YearMonth month) {
        return Boolean.TRUE.equals(transaction.execute(status -> replace(month, overage(month))));
    }

    private List<ChargeLine> overage(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        Date next = Date.valueOf(month.plusMonths(1).atDay(1));
        List<String> untallied = jdbc.queryForList("select to_char(charge_date, 'YYYY-MM-DD') from rated_day"
                + " where charge_date >= ? and charge_date < ? and not package_days order by 1", String.class, first, next);
        if (!untallied.isEmpty()) {
            throw new IllegalStateException("the package overage of " + month + " needs the package days of "
                    + String.join(", ", untallied) + ", rated by an earlier flowbill that did not record them:"
                    + " rate those days again ('rate --date DAY') and refresh");
        }
        PackageOverage overage = new PackageOverage(book);
        List<ChargeLine> lines = new ArrayList<>();
        packageMonths.forEach(month, packageMonth -> lines.addAll(overage.rate(packageMonth)));
        return lines;
    }

    private boolean replace(YearMonth month, List<ChargeLine> lines) {
        Date first = Date.valueOf(month.atDay(1));
        List<String> stored = jdbc.query("""
                select tenant_id, container_id, item, spec_id, price_version, quantity, unit_price, amount, currency
                  from month_charge_line where billing_month = ?
                """, (rs, row) -> fingerprint(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9)), first);
        List<String> computed = lines.stream().map(l -> fingerprint(l.tenant(), l.containerId(), l.item().code(),
                l.specId(), l.priceVersion(), l.quantity(), l.unitPrice(), l.amount(), l.currency().getCurrencyCode()))
                .toList();
        if (stored.size() == computed.size() && stored.stream().sorted().toList()
                .equals(computed.stream().sorted().toList())) {
            return false;
        }
        jdbc.update("delete from month_charge_line where billing_month = ?", first);
        jdbc.batchUpdate("""
                insert into month_charge_line (tenant_id, billing_month, container_id, item, charge_type, spec_id,
                  price_version, quantity, unit, unit_price, amount, currency, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                """, lines, 1000, (ps, line) -> {
            ps.setString(1, line.tenant());
            ps.setDate(2, first);
            ps.setLong(3, line.containerId());
            ps.setString(4, line.item().code());
            ps.setInt(5, line.chargeType().code());
            ps.setInt(6, line.specId());
            ps.setString(7, line.priceVersion());
            ps.setBigDecimal(8, line.quantity());
            ps.setString(9, line.unit());
            ps.setBigDecimal(10, line.unitPrice());
            ps.setBigDecimal(11, line.amount());
            ps.setString(12, line.currency().getCurrencyCode());
        });
        return true;
    }

    private static String fingerprint(String tenant, long containerId, String item, int specId, String version,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency) {
        return String.join("|", tenant, Long.toString(containerId), item, Integer.toString(specId), version,
                plain(quantity), plain(unitPrice), plain(amount), currency);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
