package io.flowbill.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.flowbill.invoicing.InvoiceState;
import io.flowbill.pricing.PriceBook;

/**
 * Writes the exports under {@code flowbill.export.dir}: per tenant and month folder the day's charges, exceptions
 * and report, the invoices, and the folder's {@code manifest.json}. Rows stream from the database (a cursor in a
 * read-only transaction) and nothing else goes into a file, so the same data gives byte-identical files, whether
 * the nightly run writes them or {@code export} rewrites them.
 */
@Service
public class ExportService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ExportFolders folders;
    private final boolean bom;
    private final PriceBook book;
    private final Provenance provenance;
    private final TrafficQuery traffic;

    ExportService(DataSource dataSource, PlatformTransactionManager transactionManager, ExportProperties settings,
            PriceBook book) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.folders = new ExportFolders(settings.dir());
        this.bom = settings.excelBom();
        this.book = book;
        this.provenance = new Provenance(jdbc);
        // 24 rows: fetched at once, which lets PostgreSQL sum the day's hours with parallel workers
        this.traffic = new TrafficQuery(new JdbcTemplate(dataSource), book);
    }

    /** Writes the day's charges, exceptions and report for every tenant, and their manifests; returns the files. */
    public List<Path> writeDay(LocalDate date) {
        return write(updates -> tenants().forEach(tenant -> day(updates, tenant, date)));
    }

    /** Writes {@code invoice-<YYYY-MM>.csv} for each invoice, with its current status, and the manifests. */
    public List<Path> writeInvoices(Collection<InvoiceState> invoices) {
        return write(updates -> invoices.forEach(invoice -> invoice(updates, invoice.tenant(), invoice.month())));
    }

    /** Whether the day was rated (billed by {@code nightly} or {@code rate}). */
    public boolean isRated(LocalDate date) {
        return provenance.runOfDay(date) != null;
    }

    /**
     * Rewrites from the database what billing the day wrote: the day's files of every tenant and the invoice of
     * its month where there is one, and the manifests.
     */
    public List<Path> rewriteDay(LocalDate date) {
        return write(updates -> tenants().forEach(tenant -> {
            day(updates, tenant, date);
            invoiceIfAny(updates, tenant, YearMonth.from(date));
        }));
    }

    /** Rewrites the month's folders: the files of every rated day of it, the invoices, the manifests. */
    public List<Path> rewriteMonth(YearMonth month) {
        List<LocalDate> days = provenance.ratedDays(month);
        return write(updates -> tenants().forEach(tenant -> {
            days.forEach(date -> day(updates, tenant, date));
            invoiceIfAny(updates, tenant, month);
        }));
    }

    private List<Path> write(Consumer<Written> files) {
        return readOnly.execute(status -> {
            Written written = new Written();
            files.accept(written);
            written.paths.addAll(written.manifests.writeAll());
            return written.paths;
        });
    }

    private void day(Written written, String tenant, LocalDate date) {
        YearMonth month = YearMonth.from(date);
        Path folder = folders.of(tenant, month);
        String currency = book.currency().getCurrencyCode();
        Long run = provenance.runOfDay(date);
        ChargeTally charges = new ChargeTally();
        AtomicFile.Written chargesFile = ChargesExport.write(jdbc, folder, tenant, date, bom, charges);
        List<String> versions = List.copyOf(charges.priceVersions());
        written.add(folder, tenant, month, ManifestEntry.of(chargesFile, "charges", date.toString(), charges.rows(),
                charges.amount(), currency, bom, versions, run));
        ExceptionTally exceptions = new ExceptionTally();
        AtomicFile.Written exceptionsFile = ExceptionsExport.write(jdbc, folder, book.zone(), tenant, date, bom,
                exceptions);
        written.add(folder, tenant, month, ManifestEntry.of(exceptionsFile, "exceptions", date.toString(),
                exceptions.rows(), null, currency, bom, List.of(), run));
        ReportFigures figures = new ReportFigures(tenant, date, book.zone().id(), currency, charges, exceptions,
                traffic.of(tenant, date), versions, run, ChargesExport.fileName(date), ExceptionsExport.fileName(date));
        byte[] html = ReportPage.render(figures).getBytes(StandardCharsets.UTF_8);
        AtomicFile.Written report = AtomicFile.write(folder.resolve(ReportFigures.fileName(date)),
                out -> out.write(html));
        written.add(folder, tenant, month, ManifestEntry.of(report, "report", date.toString(), null, charges.amount(),
                currency, false, versions, run));
    }

    private void invoice(Written written, String tenant, YearMonth month) {
        Path folder = folders.of(tenant, month);
        ChargeTally lines = new ChargeTally();
        AtomicFile.Written file = InvoiceExport.write(jdbc, folder, tenant, month, bom, lines);
        List<YearMonth> months = provenance.monthsOfInvoice(tenant, month);
        written.add(folder, tenant, month, ManifestEntry.of(file, "invoice", month.toString(), lines.rows(),
                lines.amount(), book.currency().getCurrencyCode(), bom, provenance.priceVersionsOf(tenant, months),
                provenance.runOfMonths(months)));
    }

    private void invoiceIfAny(Written written, String tenant, YearMonth month) {
        if (provenance.hasInvoice(tenant, month)) {
            invoice(written, tenant, month);
        }
    }

    private List<String> tenants() {
        return jdbc.queryForList("select tenant_id from flowbill_tenant order by tenant_id", String.class);
    }

    /** The files one call wrote, in order, and their manifest entries. */
    private static final class Written {

        final List<Path> paths = new ArrayList<>();
        final ManifestUpdates manifests = new ManifestUpdates();

        void add(Path folder, String tenant, YearMonth month, ManifestEntry entry) {
            paths.add(folder.resolve(entry.name()));
            manifests.add(folder, tenant, month, entry);
        }
    }
}
