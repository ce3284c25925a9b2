package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static io.flowbill.invoicing.InvoiceDraftIT.acme;
import static io.flowbill.invoicing.InvoiceLines.assertAdjustment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.FixtureFleetTest;

/** Closing a month makes its invoices FINAL; late data for it becomes adjustments on the next open invoice. */
@FixtureFleetTest
class InvoiceCloseIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    static final YearMonth JANUARY = YearMonth.of(2027, 1);

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    JdbcTemplate jdbc;

    FixtureFleet fleet;

    @BeforeEach
    void novemberClosed() throws Exception {
        fleet = new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(FixtureFleet.TENANT, DAY);
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));
        InvoiceState closed = acme(List.of(invoices.close(FixtureFleet.TENANT, NOVEMBER, true)));
        assertThat(closed.status()).as("acme's November after close").isEqualTo(InvoiceStatus.FINAL);
        assertThat(closed.total()).as("acme's November total").isEqualByComparingTo("47.33");
    }

    @Test
    void turnsLateDataForAClosedMonthIntoAdjustmentsOnTheNextOpenInvoice() throws Exception {
        List<String> novemberBefore = invoiceRows(NOVEMBER);

        // given: a container metered late (4 hours x 0.200 = 0.80) and 102's 05:00 traffic readable after all
        // (11 -> 12 hours of 800 MB before noon: 6.79 -> 7.41, +0.62)
        fleet.container(107, "late-arrival").onDemand(20).hours(DAY, 20, 24).insert();
        jdbc.update("update usage_hour set up_mb = 800 where container_id = 102 and window_start = ?",
                Timestamp.from(FixtureFleet.local(DAY, 5)));

        // when
        rating.rate(FixtureFleet.TENANT, DAY);
        InvoiceState december = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        // then
        List<InvoiceLines.Line> lines = InvoiceLines.of(jdbc, TENANT, DECEMBER);
        assertAdjustment(lines, 102, NOVEMBER, "0.62");
        assertAdjustment(lines, 107, NOVEMBER, "0.80");
        assertThat(lines).as("lines of acme's December").hasSize(2);
        assertThat(december.month()).as("the invoice the late data lands on").isEqualTo(DECEMBER);
        assertThat(december.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(december.total()).isEqualByComparingTo("1.42");
        assertThat(invoiceRows(NOVEMBER)).as("acme's FINAL November, row versions included")
                .isEqualTo(novemberBefore);
    }

    @Test
    void followsFurtherCorrectionsIncludingNegativeOnesAcrossClosedMonths() throws Exception {
        fleet.container(107, "late-arrival").onDemand(20).hours(DAY, 20, 24).insert();
        rating.rate(FixtureFleet.TENANT, DAY);
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));
        List<InvoiceLines.Line> december = InvoiceLines.of(jdbc, TENANT, DECEMBER);

        // when: 105's usage turns out not to exist, then December is closed, then 107's usage goes away too
        jdbc.update("delete from usage_hour where container_id = 105");
        rating.rate(FixtureFleet.TENANT, DAY);
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));
        List<InvoiceLines.Line> decemberAfterCredit = InvoiceLines.of(jdbc, TENANT, DECEMBER);
        InvoiceState decemberClosed = acme(List.of(invoices.close(FixtureFleet.TENANT, DECEMBER, true)));
        jdbc.update("delete from usage_hour where container_id = 107");
        rating.rate(FixtureFleet.TENANT, DAY);
        InvoiceState january = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        // then: December's draft carried +0.80 while November went up; once 105's -6.72 took November down by
        // 5.92 in all, a credit note returned both differences instead of a negative December, and 107's withdrawal
        // is a second credit note: no invoice is ever negative
        assertAdjustment(december, 107, NOVEMBER, "0.80");
        assertThat(december).as("December's draft while November went up").hasSize(1);
        assertThat(decemberAfterCredit).as("December's draft once the credit note took November's correction").isEmpty();
        assertThat(creditNotes(NOVEMBER)).containsExactly(
                "acme-CN-202611-1 corrects acme-202611: 105 -6.72, 107 0.80; subtotal -5.92 tax 0.00 total -5.92",
                "acme-CN-202611-2 corrects acme-202611: 107 -0.80; subtotal -0.80 tax 0.00 total -0.80");
        assertThat(decemberClosed.total()).as("acme's FINAL December").isEqualByComparingTo("0");
        assertThat(january.month()).as("the next open invoice after two closed months").isEqualTo(JANUARY);
        assertThat(InvoiceLines.of(jdbc, TENANT, JANUARY)).as("lines of acme's January").isEmpty();
    }

    @Test
    void issuesNoSecondCreditNoteWhenTheCorrectedMonthIsRefreshedAgain() throws Exception {
        jdbc.update("delete from usage_hour where container_id = 105");
        rating.rate(FixtureFleet.TENANT, DAY);
        invoices.refreshFor(FixtureFleet.TENANT, DAY);

        invoices.refreshFor(FixtureFleet.TENANT, DAY);
        rating.rate(FixtureFleet.TENANT, DAY);
        invoices.refreshFor(FixtureFleet.TENANT, DAY);

        assertThat(creditNotes(NOVEMBER)).containsExactly(
                "acme-CN-202611-1 corrects acme-202611: 105 -6.72; subtotal -6.72 tax 0.00 total -6.72");
        assertThat(InvoiceLines.of(jdbc, TENANT, DECEMBER)).as("December: the credit note took the correction").isEmpty();
    }

    private List<String> creditNotes(YearMonth month) {
        return jdbc.query("""
                select n.tenant_id || '-CN-' || to_char(n.corrects_month, 'YYYYMM') || '-' || n.sequence || ' corrects '
                       || i.tenant_id || '-' || to_char(i.billing_month, 'YYYYMM') || ': '
                       || (select string_agg(l.container_id || ' ' || l.amount, ', ' order by l.container_id)
                             from credit_note_line l where l.credit_note_id = n.id)
                       || '; subtotal ' || n.subtotal || ' tax ' || n.tax || ' total ' || n.total
                  from credit_note n join invoice i on i.id = n.corrects_invoice_id
                 where n.tenant_id = ? and n.corrects_month = ? order by n.sequence
                """, (rs, row) -> rs.getString(1), TENANT, Date.valueOf(month.atDay(1)));
    }

    @Test
    void leavesTheNextInvoiceAloneWhenTheClosedMonthIsRatedAgainUnchanged() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        InvoiceState december = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        assertThat(december.month()).isEqualTo(DECEMBER);
        assertThat(december.lines()).as("lines of acme's December").isZero();
        assertThat(december.total()).isEqualByComparingTo("0");
    }

    @Test
    void closingAClosedMonthAgainChangesNothing() {
        List<String> before = invoiceRows(NOVEMBER);

        InvoiceState again = acme(List.of(invoices.close(FixtureFleet.TENANT, NOVEMBER, true)));

        assertThat(again.changed()).as("second close of November").isFalse();
        assertThat(invoiceRows(NOVEMBER)).as("acme's November, row versions included").isEqualTo(before);
    }

    @Test
    void refusesToCloseAMonthWithUnratedDaysAndChangesNothing() throws Exception {
        fleet.container(107, "december").onDemand(20).hours(DAY.plusDays(10), 0, 24).insert();
        rating.rate(FixtureFleet.TENANT, DAY.plusDays(10));
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY.plusDays(10)));
        List<String> before = invoiceRows(DECEMBER);

        assertThatThrownBy(() -> List.of(invoices.close(FixtureFleet.TENANT, DECEMBER))).isInstanceOf(UnratedDaysException.class)
                .hasMessage("2026-12 of tenant acme has 30 days that were never rated: 2026-12-01..2026-12-04, 2026-12-06..2026-12-31");
        assertThat(invoiceRows(DECEMBER)).as("acme's December after the refused close, row versions included")
                .isEqualTo(before).anyMatch(row -> row.contains("DRAFT"));
    }

    /** The invoice row and its lines, each with its row version. */
    private List<String> invoiceRows(YearMonth month) {
        return jdbc.queryForList("""
                select i.xmin::text || ' ' || i::text from invoice i where tenant_id = ? and billing_month = ?
                union all
                select l.xmin::text || ' ' || l::text from invoice_line l join invoice i on i.id = l.invoice_id
                 where i.tenant_id = ? and i.billing_month = ?
                order by 1
                """, String.class, TENANT, Date.valueOf(month.atDay(1)), TENANT, Date.valueOf(month.atDay(1)));
    }
}
