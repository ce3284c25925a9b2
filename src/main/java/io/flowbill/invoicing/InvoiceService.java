package io.flowbill.invoicing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.TenantPriceBooks;
import io.flowbill.webhooks.EventType;
import io.flowbill.webhooks.WebhookOutbox;

/**
 * Monthly invoices per tenant. A DRAFT is recomputed from the current charge lines on every refresh; {@link #close}
 * makes it FINAL, after which it never changes. Later changes to a closed month become adjustments on the tenant's
 * next open invoice (the first month after it whose invoice is not FINAL, created when missing) when they raise the
 * month, and a credit note referring to its FINAL invoice when they lower it.
 */
@Service
public class InvoiceService {

    private final InvoiceStore store;
    private final CreditNoteStore creditNotes;
    private final MonthRating monthRating;
    private final MonthSums sums;
    private final TenantPriceBooks books;
    private final TransactionTemplate transaction;
    private final PriceBook book;
    private final Clock clock;
    private final WebhookOutbox webhooks;

    InvoiceService(InvoiceStore store, CreditNoteStore creditNotes, MonthRating monthRating, MonthSums sums,
            PlatformTransactionManager transactionManager, TenantPriceBooks books, Clock clock, WebhookOutbox webhooks) {
        this.webhooks = webhooks;
        this.sums = sums;
        this.books = books;
        this.store = store;
        this.creditNotes = creditNotes;
        this.monthRating = monthRating;
        this.transaction = new TransactionTemplate(transactionManager);
        this.book = books.book();
        this.clock = clock;
    }

    /**
     * Refreshes the tenant's invoice a rated day lands on: the day's month while it is open, else the next open
     * invoice, which carries the closed month's adjustments. Other tenants' invoices are not touched.
     */
    public InvoiceState refreshFor(String tenant, LocalDate date) {
        Draft draft = draftFor(tenant, YearMonth.from(date), sums.changes(tenant));
        rateMonths(tenant, YearMonth.from(date), draft);
        return transaction.execute(status -> refresh(draft));
    }

    /**
     * Closes the tenant's month that is over and whose every day was rated for it: its invoice is refreshed a last
     * time and made FINAL; when no day of the tenant changed since the draft's last refresh (its change count, and
     * the same prices), that refresh is the last and the draft is made FINAL as it is. An invoice that is already FINAL stays as it is: nothing is rated, refreshed or refused
     * (its state comes back unchanged), so closing a month again is harmless.
     *
     * @throws IllegalArgumentException when the month is not over yet in the billing zone
     * @throws UnratedDaysException     when some of its days were never rated; nothing is changed
     */
    public InvoiceState close(String tenant, YearMonth month) {
        return close(tenant, month, false);
    }

    /**
     * Closes the tenant's month that is over, as {@link #close(String, YearMonth)}; with {@code unratedDaysAllowed} also when some of
     * its days were never rated (their charges then reach a later invoice as adjustments, once rated).
     */
    public InvoiceState close(String tenant, YearMonth month, boolean unratedDaysAllowed) {
        if (clock.instant().isBefore(book.zone().startOf(month.plusMonths(1)))) {
            throw new IllegalArgumentException("month " + month + " is not over yet: it can be closed from "
                    + book.zone().startOf(month.plusMonths(1)).atZone(book.zone().id()).toOffsetDateTime());
        }
        if (store.finalMonths(tenant).contains(month)) {
            return store.state(tenant, month);
        }
        List<LocalDate> unrated = unratedDays(tenant, month);
        if (!unrated.isEmpty() && !unratedDaysAllowed) {
            throw new UnratedDaysException(tenant, month, unrated);
        }
        String prices = pricesDigest(tenant);
        InvoiceState unchanged = transaction.execute(status -> store.isRefreshedAt(tenant, month, prices)
                ? finish(tenant, month, false) : null);
        if (unchanged != null) {
            return unchanged;
        }
        Draft draft = new Draft(tenant, month, correctable(tenant, month, store.finalMonths(tenant)),
                sums.changes(tenant));
        rateMonths(tenant, month, draft);
        return transaction.execute(status -> finish(tenant, month, refresh(draft).changed()));
    }

    /** Makes the refreshed draft FINAL and announces it (in the caller's transaction). */
    private InvoiceState finish(String tenant, YearMonth month, boolean refreshed) {
        boolean closed = store.close(tenant, month);
        InvoiceState state = store.state(tenant, month);
        if (closed) {
            finalized(state);
        }
        return state.withChanged(refreshed || closed);
    }

    /** Announces the invoice made FINAL, in the close's transaction ({@code invoice.finalized}). */
    private void finalized(InvoiceState invoice) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("month", invoice.month().toString());
        data.put("status", invoice.status().name());
        data.put("total", invoice.total().toPlainString());
        data.put("currency", invoice.currency());
        data.put("lines", invoice.lines());
        webhooks.record(invoice.tenant(), EventType.INVOICE_FINALIZED, invoice.month().toString(), data);
    }

    /** Days of the month that were never rated for the tenant (a close should follow the month's nightly runs). */
    public List<LocalDate> unratedDays(String tenant, YearMonth month) {
        return store.unratedDays(tenant, month).stream().map(LocalDate::parse).toList();
    }

    private Draft draftFor(String tenant, YearMonth month, long changes) {
        Set<YearMonth> finals = store.finalMonths(tenant);
        YearMonth open = month;
        while (finals.contains(open)) {
            open = open.plusMonths(1);
        }
        return new Draft(tenant, open, correctable(tenant, open, finals), changes);
    }

    /** The closed months right before an open month (contiguous FINAL invoices) that were rated again after closing. */
    private List<YearMonth> correctable(String tenant, YearMonth open, Set<YearMonth> finals) {
        Set<YearMonth> rerated = store.reratedMonths(tenant);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = open.minusMonths(1); finals.contains(m); m = m.minusMonths(1)) {
            if (rerated.contains(m)) {
                months.add(0, m);
            }
        }
        return months;
    }

    private void rateMonths(String tenant, YearMonth month, Draft draft) {
        Set<YearMonth> months = new TreeSet<>(List.of(month, draft.month()));
        months.addAll(draft.corrected());
        months.forEach(m -> monthRating.rate(tenant, m));
    }

    private InvoiceState refresh(Draft draft) {
        String currency = book.currency().getCurrencyCode();
        Map<String, Object> invoice = store.lockOrCreate(draft.tenant(), draft.month(), currency);
        if (InvoiceStatus.valueOf((String) invoice.get("status")) == InvoiceStatus.FINAL) {
            return store.state(draft.tenant(), draft.month());
        }
        long id = ((Number) invoice.get("id")).longValue();
        store.refreshedAt(draft.tenant(), draft.month(), draft.changes(), pricesDigest(draft.tenant()));
        boolean credited = false;
        for (YearMonth closed : draft.corrected()) {
            credited |= creditNotes.issueIfDownwards(draft.tenant(), closed, draft.month(), book.currency());
        }
        boolean linesChanged = store.recompute(id, draft.tenant(), draft.month(), draft.corrected(), book.currency());
        boolean totalsChanged = store.updateTotals(id, book.taxVersionOf(draft.month()), book.currency(),
                linesChanged);
        return store.state(draft.tenant(), draft.month()).withChanged(linesChanged || totalsChanged || credited);
    }

    /** The digest of the tenant's price book and plan, as their records print them: a refresh depends on both. */
    private String pricesDigest(String tenant) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(books.of(tenant).toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The open invoice to refresh, the closed months whose adjustments it carries, and the tenant's change count read
     * before anything of the month was (a day changed later moves it past the one the refresh records).
     */
    private record Draft(String tenant, YearMonth month, List<YearMonth> corrected, long changes) {
    }
}
