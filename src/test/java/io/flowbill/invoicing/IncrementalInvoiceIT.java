package io.flowbill.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.PriceBook;
import io.flowbill.system.IntegrationTest;

/**
 * The invoice kept from the day's changes ({@link MonthSums}) equals the month summed again from its daily rows
 * ({@link MonthCheck}) after every day of May 2017 (the bundled book's bandwidth price changes on the 10th), after a
 * rerun of a rated day, a late change to a rated day, a day rated again with its containers under other prices
 * (another spec, on demand turned package), and at the close, also when a day changed after the last refresh.
 */
@IntegrationTest
class IncrementalInvoiceIT {

    static final String TENANT = "default";
    static final YearMonth MAY = YearMonth.of(2017, 5);
    static final int CONTAINERS = 36;
    static final long FIRST_ID = 2_000_000_000L;

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    MonthCheck check;

    @Autowired
    PriceBook book;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void incrementalDraftEqualsTheFullRecomputationAfterEveryDayAndAtTheClose() throws Exception {
        containers(jdbc, book, MAY, CONTAINERS + 1);
        for (int d = 1; d <= MAY.lengthOfMonth(); d++) {
            LocalDate day = MAY.atDay(d);
            usage(day, 0, CONTAINERS);
            rating.rate(TENANT, day);
            invoices.refreshFor(TENANT, day);
            assertEqualsRecomputation("after rating " + day);
            if (d == 12) {
                // a rerun of a rated day changes nothing
                assertThat(rating.rate(TENANT, MAY.atDay(11)).changed()).as("rerun of 2017-05-11").isFalse();
                invoices.refreshFor(TENANT, MAY.atDay(11));
                assertEqualsRecomputation("after the rerun of 2017-05-11");
            }
            if (d == 20) {
                // late usage of the 5th: a container found late, more bandwidth for others
                usage(MAY.atDay(5), CONTAINERS, 1);
                jdbc.update("update usage_hour set bandwidth = bandwidth + 3 where tenant_id = ? and bandwidth"
                        + " is not null and window_start >= ? and window_start < ?", TENANT, start(MAY.atDay(5)),
                        start(MAY.atDay(6)));
                assertThat(rating.rate(TENANT, MAY.atDay(5)).changed()).as("late change of 2017-05-05").isTrue();
                invoices.refreshFor(TENANT, MAY.atDay(5));
                assertEqualsRecomputation("after the late change of 2017-05-05");
            }
            if (d == 25) {
                // the 15th rated again under other prices: specs changed, on demand turned package
                jdbc.update("update usage_hour set spec_id = case when spec_id = 50 then 10 else spec_id + 10 end,"
                        + " charge_type = 2, network_charge_type = null where tenant_id = ? and container_id % 4 = 0"
                        + " and window_start >= ? and window_start < ?", TENANT, start(MAY.atDay(15)),
                        start(MAY.atDay(16)));
                assertThat(rating.rate(TENANT, MAY.atDay(15)).changed()).as("re-rating of 2017-05-15").isTrue();
                invoices.refreshFor(TENANT, MAY.atDay(15));
                assertEqualsRecomputation("after re-rating 2017-05-15 under other prices");
            }
        }

        // a change after the last refresh: the close must not reuse that refresh
        jdbc.update("delete from usage_hour where tenant_id = ? and container_id = ? and window_start >= ?"
                + " and window_start < ?", TENANT, FIRST_ID + 1, start(MAY.atDay(3)), start(MAY.atDay(4)));
        assertThat(rating.rate(TENANT, MAY.atDay(3)).changed()).as("late withdrawal on 2017-05-03").isTrue();
        InvoiceState closed = invoices.close(TENANT, MAY);

        assertThat(closed.status()).isEqualTo(InvoiceStatus.FINAL);
        assertEqualsRecomputation("after the close");
    }

    private void assertEqualsRecomputation(String when) {
        assertThat(check.differences(TENANT, MAY)).as("running sums and invoice against the month recomputed, %s",
                when).isEmpty();
    }

    /** {@code count} containers from {@link #FIRST_ID} on, known from the month's start. */
    static void containers(JdbcTemplate jdbc, PriceBook book, YearMonth month, int count) {
        jdbc.update("""
                insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
                select ?, ? + i, 'month-' || i, ?, ?, ? from generate_series(0, ? - 1) i
                """, TENANT, FIRST_ID, start(book, month.atDay(1)), start(book, month.atDay(1)),
                start(book, month.atDay(1)), count);
    }

    private void usage(LocalDate day, int first, int count) {
        usage(jdbc, book, day, first, count);
    }

    private Timestamp start(LocalDate day) {
        return start(book, day);
    }

    /** {@code count} containers' hours of the day from {@code first} on, shaped as the bench's (RatingInput). */
    static void usage(JdbcTemplate jdbc, PriceBook book, LocalDate day, int first, int count) {
        jdbc.update("""
                insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,
                  use_public_network, network_charge_type, bandwidth, active_seconds, up_mb, down_mb, raw_up, raw_down,
                  inferred, run_id, metered_at)
                select ?, ? + i, ?::timestamptz + h * interval '1 hour',
                       case when i % 50 = 7 and h >= 18 then 'update_ing' else 'create_succ' end, true,
                       case when i % 3 = 0 then 1 else 2 end,
                       (array[1, 10, 20, 30, 40, 50])[1 + i % 6],
                       case when i % 3 = 0 or i % 5 <> 0 then 1 else 0 end,
                       case when i % 3 = 0 or i % 5 = 0 then null else 1 + i % 2 end,
                       case when i % 3 <> 0 and i % 5 <> 0 and i % 2 = 0
                            then 1 + i % 8 + case when i % 20 = 2 and h >= 12 then 2 else 0 end end,
                       case when i % 10 = 0 and h = (i / 10) % 24 then 1800 else 3600 end,
                       (i % 997) * 0.125 + h + ?, (i % 991) * 0.5, null, null, false, 0, ?::timestamptz
                  from generate_series(?, ? - 1) i cross join generate_series(0, 23) h
                 where not (i % 10 = 0 and h < (i / 10) % 24)
                """, TENANT, FIRST_ID, start(book, day), day.getDayOfMonth() * 7, start(book, day), first, first + count);
    }

    static Timestamp start(PriceBook book, LocalDate day) {
        return Timestamp.from(book.zone().startOf(day));
    }
}
