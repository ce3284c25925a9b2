package io.flowbill.api;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.export.ContainerNames;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/** A tenant's charge lines of one day, a page at a time in the order of their unique key (charge_line_once). */
@Component
public class ChargeLineQueries {

    static final String CHARGES = "charges";

    private static final String KEY = "l.container_id, l.item, l.tier, l.charge_type, l.spec_id, l.price_version";

    private static final String SQL = """
            select l.charge_date, l.container_id, coalesce(v.name, c.name) as name, l.charge_type, l.spec_id, l.item,
                   l.tier, l.quantity, l.unit, l.unit_price, l.amount, l.currency, l.price_version
              from charge_line l
              left join container c on c.tenant_id = l.tenant_id and c.container_id = l.container_id
              left join lateral (""" + ContainerNames.inForceBefore("l.tenant_id", "l.container_id") + """
                ) v on true
             where l.tenant_id = ? and l.charge_date = ? %s
             order by\s""" + KEY + " limit ?";

    private final JdbcTemplate jdbc;
    private final BillingZone zone;

    ChargeLineQueries(JdbcTemplate jdbc, PriceBook book) {
        this.jdbc = jdbc;
        this.zone = book.zone();
    }

    /** A page of the day's lines, each with its container's name in force at the day's end. */
    public Page<ChargeLineItem> ofDay(String tenant, LocalDate date, String after, int limit) {
        Cursor.Key key = Cursor.decode(CHARGES, after, 6);
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(zone.startOf(date.plusDays(1))), tenant,
                Date.valueOf(date)));
        String sql = SQL.formatted(key == null ? "" : "and (" + KEY + ") > (?, ?, ?, ?, ?, ?)");
        if (key != null) {
            args.addAll(List.of(key.number(0), key.text(1), key.integer(2), key.integer(3), key.integer(4),
                    key.text(5)));
        }
        args.add(limit + 1);
        List<Page.Keyed<ChargeLineItem>> rows = jdbc.query(sql, (rs, row) -> new Page.Keyed<>(
                new ChargeLineItem(rs.getDate("charge_date").toLocalDate(), rs.getLong("container_id"),
                        rs.getString("name"), ChargeTypes.name(rs.getInt("charge_type")), rs.getInt("spec_id"),
                        rs.getString("item"), rs.getInt("tier"), Decimals.plain(rs.getBigDecimal("quantity")),
                        rs.getString("unit"), Decimals.plain(rs.getBigDecimal("unit_price")),
                        Decimals.plain(rs.getBigDecimal("amount")), rs.getString("currency"),
                        rs.getString("price_version")),
                Cursor.encode(CHARGES, rs.getLong("container_id"), rs.getString("item"), rs.getInt("tier"),
                        rs.getInt("charge_type"), rs.getInt("spec_id"), rs.getString("price_version"))),
                args.toArray());
        return Page.of(rows, limit);
    }
}
