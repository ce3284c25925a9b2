package io.flowbill.invoicing;

import static io.flowbill.invoicing.IncrementalInvoiceIT.FIRST_ID;
import static io.flowbill.invoicing.IncrementalInvoiceIT.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.PriceBook;
import io.flowbill.system.IntegrationTest;

/**
 * The nightly refresh writes only the invoice lines whose month sums changed ({@link ChangedInvoiceLines}): a night
 * that changes nothing writes no line of the draft, and a day changed for one container rewrites that container's
 * lines only (a row's {@code xmin} moves with every write; a line removed and added again gets a new id), while the
 * draft still equals the month recomputed ({@link MonthCheck}).
 */
@IntegrationTest
class InvoiceRefreshWritesIT {

    static final YearMonth JUNE = YearMonth.of(2017, 6);
    static final int CONTAINERS = 12;
    /** A container with a bandwidth (IncrementalInvoiceIT's usage). */
    static final long CHANGED = FIRST_ID + 4;

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
    void anUnchangedNightRewritesNoLineAndAOneContainerChangeRewritesOnlyItsLines() throws Exception {
        IncrementalInvoiceIT.containers(jdbc, book, JUNE, CONTAINERS);
        for (int d = 1; d <= 3; d++) {
            IncrementalInvoiceIT.usage(jdbc, book, JUNE.atDay(d), 0, CONTAINERS);
            rating.rate(TENANT, JUNE.atDay(d));
            invoices.refreshFor(TENANT, JUNE.atDay(d));
        }
        Map<Long, String> before = lines();
        assertThat(before).isNotEmpty();

        // given a night that changes nothing
        rating.rate(TENANT, JUNE.atDay(3));
        assertThat(invoices.refreshFor(TENANT, JUNE.atDay(3)).changed()).as("refresh of an unchanged night").isFalse();
        assertThat(lines()).as("lines (id -> container, xmin) after an unchanged night").isEqualTo(before);

        // given one container's late bandwidth on the 2nd
        jdbc.update("update usage_hour set bandwidth = bandwidth + 3 where tenant_id = ?"
                + " and container_id = ? and window_start >= ? and window_start < ?", TENANT, CHANGED,
                IncrementalInvoiceIT.start(book, JUNE.atDay(2)), IncrementalInvoiceIT.start(book, JUNE.atDay(3)));
        assertThat(rating.rate(TENANT, JUNE.atDay(2)).changed()).as("late change of 2017-06-02").isTrue();
        assertThat(invoices.refreshFor(TENANT, JUNE.atDay(2)).changed()).as("refresh after the change").isTrue();

        Map<Long, String> after = lines();
        Set<Long> written = new HashSet<>(before.keySet());
        written.addAll(after.keySet());
        written.removeIf(id -> before.get(id) != null && before.get(id).equals(after.get(id)));
        assertThat(written).as("lines written for the change of container %s", CHANGED).isNotEmpty();
        for (long id : written) {
            String line = after.containsKey(id) ? after.get(id) : before.get(id);
            assertThat(line).as("line %s written by the change of container %s", id, CHANGED)
                    .startsWith(CHANGED + " ");
        }
        assertThat(check.differences(TENANT, JUNE)).as("the draft against the month recomputed").isEmpty();
    }

    /** The draft's lines: id -> "container xmin". */
    private Map<Long, String> lines() {
        Map<Long, String> lines = new HashMap<>();
        jdbc.query("select l.id, l.container_id, l.xmin::text from invoice_line l join invoice i on i.id = l.invoice_id"
                + " where i.tenant_id = ? and i.billing_month = ?", rs -> {
                    lines.put(rs.getLong(1), rs.getLong(2) + " " + rs.getString(3));
                }, TENANT, Date.valueOf(JUNE.atDay(1)));
        return lines;
    }
}
