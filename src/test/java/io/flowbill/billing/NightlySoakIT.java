package io.flowbill.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.sandbox.FaultSettings;

/**
 * The soak of "bill a day": an API that misbehaves on about one request in ten still yields, after two nights of
 * {@code nightly} alone, the first day's bill of a fault-free API to the cent.
 *
 * <p>The fault mix, per request to the faulty sandbox (60 containers, seed 10): 500/5000001 2 %, 503/5030001 1 %,
 * 429 (Retry-After 1 s) 2 %, 403/4030001 rate limit 2 % ({@link RateLimitShare}), dropped connections 1 %, and per
 * flow answer malformed values 2 % (every {@code MalformedFlow} kind at random, the implausible "1000TB" and the
 * 172-character value among them): 10 % in all. On the second night the list also churns (one container deleted
 * before, one created after, each page past the first). Churn is off on the first night, so that no container of
 * the first day is deleted before a scan has seen it: a container nobody ever listed cannot be billed by anyone.
 */
class NightlySoakIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 17);
    static final Instant NIGHT_1 = DAY.plusDays(1).atTime(1, 30).atZone(ZONE).toInstant();
    static final Instant NIGHT_2 = DAY.plusDays(2).atTime(1, 30).atZone(ZONE).toInstant();
    static final int CONTAINERS = 60;
    static final long SEED = 10;
    static final String FAULT_MIX = "500 2%, 503 1%, 429 2%, 403/4030001 2%, dropped 1%, malformed flow 2%"
            + " (10% per request); list churn 1 per page on night 2 only";

    static final String LINES = """
            select tenant_id, charge_date, container_id, item, tier, charge_type, spec_id, price_version,
                   quantity, unit, unit_price, amount, currency
              from charge_line where charge_date = ?
            """;

    @Test
    void twoNightsOfAFaultyApiBillTheFirstDayExactlyAsAFaultFreeApi() throws Exception {
        try (SoakSite faulty = new SoakSite(CONTAINERS, SEED, NIGHT_1);
                SoakSite reference = new SoakSite(CONTAINERS, SEED, NIGHT_1)) {
            // given: the fault mix on the faulty sandbox
            FaultSettings faults = faulty.sandbox.faults();
            faults.serverErrors(0.02).unavailable(0.01).tooManyRequests(0.02, 1).droppedConnections(0.01)
                    .malformedFlows(0.02);

            // when: night 1 bills DAY, night 2 (with list churn) bills the day after; the reference bills DAY once
            try (RateLimitShare limits = RateLimitShare.start(faulty.sandbox, 0.02)) {
                faulty.billing().nightly("default", DAY);
                Map<String, Long> afterNight1 = exceptionKinds(faulty.jdbc());
                faulty.clock.set(NIGHT_2);
                faults.listChurn(1);
                faulty.billing().nightly("default", DAY.plusDays(1));
                System.out.printf("soak fault mix: %s%nexceptions after night 1: %s%nafter night 2: %s%n%s%n",
                        FAULT_MIX, afterNight1, exceptionKinds(faulty.jdbc()), observed(faulty));
            }
            reference.billing().nightly("default", DAY);

            // then: the day's lines are the fault-free lines, row for row
            List<String> expected = lines(reference.jdbc(), DAY);
            List<String> actual = lines(faulty.jdbc(), DAY);
            assertThat(expected).as("lines of the fault-free run of %s", DAY).isNotEmpty();
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            TreeSet<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            assertThat(String.join("\n", extra)).as("charge lines of %s after two faulty nights (%s) that a"
                    + " fault-free run does not have; lines it has that they lack:%n%s", DAY, FAULT_MIX,
                    String.join("\n", missing)).isEmpty();
            assertThat(missing).as("charge lines of %s missing after two faulty nights (%s)", DAY, FAULT_MIX)
                    .isEmpty();
            assertThat(actual).as("no line twice").doesNotHaveDuplicates().hasSameSizeAs(expected);

            // and: the fault-free invoice bills DAY's lines rated once per invoice line, and the faulty run's lines
            // of DAY rate to the same amount (its invoice also holds the next day, rated together with DAY's)
            assertThat(ratedOnce(faulty.jdbc(), DAY)).as("the faulty run's lines of %s rated once", DAY)
                    .isEqualByComparingTo(invoiceUsage(reference.jdbc()));

            // and: the bad values are exceptions, and none of DAY's traffic is still pending
            assertThat(exceptionKinds(faulty.jdbc()).keySet()).as("exception kinds of the faulty run (%s)", FAULT_MIX)
                    .anyMatch(kind -> kind.startsWith("malformed_flow") || kind.startsWith("implausible_flow"));
            assertThat(pending(faulty.jdbc())).as("hours of %s whose traffic is still pending after night 2 (the"
                    + " fault-free run has %s such hours)", DAY, pending(reference.jdbc()).size()).isEmpty();
            assertThat(exceptionKinds(reference.jdbc()).keySet()).as("exceptions of the fault-free run")
                    .noneMatch(kind -> kind.contains("flow"));
        }
    }

    private static List<String> lines(JdbcTemplate jdbc, LocalDate day) {
        return jdbc.query(LINES, (row, n) -> {
            List<String> cells = new ArrayList<>();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                Object value = row.getObject(column);
                cells.add(value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
                        : String.valueOf(value));
            }
            return String.join(",", cells);
        }, Date.valueOf(day));
    }

    /** DAY's pending hours with the open exceptions that keep them pending. */
    private static List<String> pending(JdbcTemplate jdbc) {
        return jdbc.query("""
                select u.container_id, u.window_start, u.network_charge_type, u.bandwidth,
                       (select string_agg(e.kind || ' ' || e.message, '; ') from metering_exception e
                         where e.tenant_id = u.tenant_id and e.container_id = u.container_id
                           and e.window_start = u.window_start and not e.resolved) as why
                  from usage_hour u
                 where u.traffic_pending and u.window_start >= ? and u.window_start < ?
                 order by u.container_id, u.window_start
                """, (row, n) -> String.format("container='%s', window='%s', network_charge_type=%s, bandwidth=%s: %s",
                row.getLong(1), row.getTimestamp(2).toInstant(), row.getObject(3), row.getObject(4),
                row.getString(5)), Timestamp.from(DAY.atStartOfDay(ZONE).toInstant()),
                Timestamp.from(DAY.plusDays(1).atStartOfDay(ZONE).toInstant()));
    }

    /** A day's charge lines rated once per invoice line (docs/billing-rules.md, "Invoice lines: rated once"). */
    private static BigDecimal ratedOnce(JdbcTemplate jdbc, LocalDate day) {
        return jdbc.queryForObject("""
                select coalesce(sum(round(quantity * unit_price, 2)), 0)
                  from (select sum(quantity) as quantity, unit_price from charge_line where charge_date = ?
                         group by container_id, item, tier, charge_type, spec_id, price_version, unit_price) lines
                """, BigDecimal.class, Date.valueOf(day));
    }

    /** The usage lines of the month's invoice (neither month-level nor adjustments), added. */
    private static BigDecimal invoiceUsage(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select coalesce(sum(l.amount), 0) from invoice_line l join invoice i on i.id = l.invoice_id
                 where i.billing_month = ? and l.corrects_month is null
                   and l.item in ('compute', 'bandwidth', 'traffic_out', 'traffic_in', 'package')
                """, BigDecimal.class, Date.valueOf(DAY.withDayOfMonth(1)));
    }

    /** Exception kinds with their state, e.g. {@code malformed_flow (resolved)=7}. */
    private static Map<String, Long> exceptionKinds(JdbcTemplate jdbc) {
        Map<String, Long> kinds = new TreeMap<>();
        jdbc.query("select kind, resolved, count(*) from metering_exception group by kind, resolved", row -> {
            kinds.put(row.getString(1) + (row.getBoolean(2) ? " (resolved)" : " (open)"), row.getLong(3));
        });
        return kinds;
    }

    private static String observed(SoakSite site) {
        var stats = site.sandbox.stats();
        return String.format("requests %d: 500 %d, 503 %d, 429 %d, 403 %d, dropped %d", stats.totalRequests(),
                stats.responses(500), stats.responses(503), stats.responses(429), stats.responses(403),
                stats.droppedConnections());
    }
}
