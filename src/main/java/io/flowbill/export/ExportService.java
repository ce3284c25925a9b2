package io.flowbill.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.InvoicingProperties;
import io.flowbill.pricing.PriceBook;

/**
 * Writes the exports under {@code flowbill.export.dir}: per tenant and month folder the day's charges, exceptions
 * and report, the invoices, and the folder's {@code manifest.json}. Rows stream from the database (a cursor in a
 * read-only transaction) and nothing else goes into a file, so the same data gives byte-identical files, whether
 * the nightly run writes them or {@code export} rewrites them. Each call is one {@link Publication}: its files
 * appear together, or, when it fails, not at all.
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
    private final InvoiceProperties invoiceSettings;
    private final InvoicePdf invoicePdf = new InvoicePdf();
    private final CreditNotePdf creditNotePdf = new CreditNotePdf();
    private final DayReportQuery report;
    private final SigningKey signingKey;
    private final String workMem;

    ExportService(DataSource dataSource, PlatformTransactionManager transactionManager, ExportProperties settings,
            PriceBook book, InvoiceProperties invoiceSettings, InvoicingProperties invoicing) {
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
        this.invoiceSettings = invoiceSettings;
        this.report = new DayReportQuery(jdbc, book);
        this.signingKey = SigningKey.of(settings.signingKeyFile());
        this.workMem = invoicing.workMem();
    }

    /** Writes the tenant's day: charges, exceptions and report, and the folder's manifest; returns the files. */
    public List<Path> writeDay(String tenant, LocalDate date) {
        return write(publication -> day(publication, tenant, date));
    }

    /**
     * Writes {@code invoice-<YYYY-MM>.csv}, {@code .html} and {@code .pdf} for each invoice, with its current status,
     * and the manifests.
     */
    public List<Path> writeInvoices(Collection<InvoiceState> invoices) {
        return write(publication -> invoices.forEach(invoice -> invoice(publication, invoice.tenant(),
                invoice.month())));
    }

    /**
     * What billing a tenant's day writes, published together: the tenant's day files, its refreshed invoices and
     * the manifests (a folder's manifest lists each file once). Only the tenant's folders are written.
     */
    public List<Path> writeDayAndInvoices(String tenant, LocalDate date, Collection<InvoiceState> invoices) {
        return write(publication -> {
            day(publication, tenant, date);
            invoices.stream().filter(invoice -> invoice.tenant().equals(tenant))
                    .forEach(invoice -> invoice(publication, tenant, invoice.month()));
        });
    }

    /** Whether the tenant's day was rated (billed by {@code nightly} or {@code rate}). */
    public boolean isRated(String tenant, LocalDate date) {
        return provenance.runOfDay(tenant, date) != null;
    }

    /**
     * The charges of each day of the tenant's month as the day reports sum them (days without lines absent), read in
     * a read-only transaction.
     */
    public SortedMap<LocalDate, BigDecimal> dailyAmounts(String tenant, YearMonth month) {
        return readOnly.execute(status -> report.dailyAmounts(tenant, month));
    }

    /**
     * Rewrites from the database what billing the tenant's day wrote: its day files and the invoice of its month
     * where there is one, and the manifest.
     */
    public List<Path> rewriteDay(String tenant, LocalDate date) {
        return write(publication -> {
            day(publication, tenant, date);
            invoiceIfAny(publication, tenant, YearMonth.from(date));
        });
    }

    /** Rewrites the tenant's month folder: the files of every day rated for it, the invoice, the manifest. */
    public List<Path> rewriteMonth(String tenant, YearMonth month) {
        List<LocalDate> days = provenance.ratedDays(tenant, month);
        return write(publication -> {
            days.forEach(date -> day(publication, tenant, date));
            invoiceIfAny(publication, tenant, month);
        });
    }

    /**
     * Packs the month's export folders of every tenant (those with a manifest) into {@code flowbill-<YYYY-MM>.zip}
     * in the export root ({@link MonthPack}); returns it, or null when no folder of the month has a manifest.
     */
    public Path packMonth(YearMonth month) {
        List<Path> written = tenants().stream().map(tenant -> folders.of(tenant, month))
                .filter(folder -> Files.isRegularFile(folder.resolve(Manifest.FILE_NAME))).toList();
        return written.isEmpty() ? null : MonthPack.write(folders.root(), month, written).path();
    }

    /**
     * Writes a run's files into staging folders from one read-only transaction, then publishes them; a failure
     * before publishing leaves every export folder as it was.
     */
    private List<Path> write(Consumer<Publication> files) {
        Publication publication = new Publication(signingKey);
        try {
            readOnly.executeWithoutResult(status -> {
                // a month's invoice lines or a day's charge lines are sorted in memory, not in files on disk
                jdbc.execute("set local work_mem = '" + workMem + "'");
                files.accept(publication);
            });
            return publication.publish();
        }
        catch (TransactionSystemException e) {
            // a connection that died fails the rollback too: what matters is why the export failed
            throw e.getApplicationException() instanceof RuntimeException failure ? failure : e;
        }
        finally {
            publication.discard();
        }
    }

    private void day(Publication publication, String tenant, LocalDate date) {
        YearMonth month = folderMonthOf(tenant, date);
        Path folder = folders.of(tenant, month);
        Path staging = publication.stagingOf(folder, tenant, month);
        String currency = book.currency().getCurrencyCode();
        Long run = provenance.runOfDay(tenant, date);
        ChargeTally charges = new ChargeTally();
        AtomicFile.Written chargesFile = ChargesExport.write(jdbc, staging, tenant, date,
                book.zone().startOf(date.plusDays(1)), bom, charges);
        List<String> versions = List.copyOf(charges.priceVersions());
        publication.add(folder, ManifestEntry.of(chargesFile, "charges", date.toString(), charges.rows(),
                charges.amount(), currency, bom, versions, run));
        ExceptionTally exceptions = new ExceptionTally();
        AtomicFile.Written exceptionsFile = ExceptionsExport.write(jdbc, staging, book.zone(), tenant, date, bom,
                exceptions);
        publication.add(folder, ManifestEntry.of(exceptionsFile, "exceptions", date.toString(), exceptions.rows(),
                null, currency, bom, List.of(), run));
        ReportFigures figures = new ReportFigures(tenant, date, book.zone().id(), currency, charges, exceptions,
                traffic.of(tenant, date), versions, run, ChargesExport.fileName(date), ExceptionsExport.fileName(date),
                report.monthToDate(tenant, date), report.topContainers(tenant, date),
                report.amountsByItem(tenant, date.minusDays(1)), report.unbilled(tenant, date));
        byte[] html = ReportPage.render(figures).getBytes(StandardCharsets.UTF_8);
        AtomicFile.Written report = AtomicFile.write(staging.resolve(ReportFigures.fileName(date)),
                out -> out.write(html));
        publication.add(folder, ManifestEntry.of(report, "report", date.toString(), null, charges.amount(),
                currency, false, versions, run));
    }

    private void invoice(Publication publication, String tenant, YearMonth month) {
        invoice(publication, folders, tenant, month);
    }

    private void invoice(Publication publication, ExportFolders folders, String tenant, YearMonth month) {
        Path folder = folders.of(tenant, month);
        Path staging = publication.stagingOf(folder, tenant, month);
        String currency = book.currency().getCurrencyCode();
        InvoiceHeader header = InvoiceQuery.header(jdbc, tenant, month);
        ChargeTally lines = new ChargeTally();
        InvoiceLines printed = new InvoiceLines(book);
        AtomicFile.Written file = InvoiceExport.write(jdbc, staging, header, book.zone().startOf(month.plusMonths(1)),
                bom, lines, printed);
        InvoiceDocument document = printed.document(header, invoiceSettings);
        List<YearMonth> months = provenance.monthsOfInvoice(tenant, month);
        // the month's versions are those of the invoice's lines (a scan of the month's charge lines took 0.3 s at
        // 10,000 containers); a corrected month's, those of its charge lines (its adjustments carry none)
        SortedSet<String> allVersions = new TreeSet<>(lines.priceVersions());
        allVersions.addAll(provenance.priceVersionsOf(tenant, months.stream().filter(m -> !m.equals(month)).toList()));
        List<String> versions = List.copyOf(allVersions);
        Long run = provenance.runOfMonths(tenant, months);
        publication.add(folder, ManifestEntry.of(file, "invoice", month.toString(), lines.rows(), lines.amount(),
                currency, bom, versions, run));
        byte[] html = InvoicePage.render(document).getBytes(StandardCharsets.UTF_8);
        AtomicFile.Written page = AtomicFile.write(staging.resolve(InvoicePage.fileName(month)),
                out -> out.write(html));
        publication.add(folder, ManifestEntry.of(page, "invoice", month.toString(), null, header.total(),
                currency, false, versions, run));
        AtomicFile.Written pdf = AtomicFile.write(staging.resolve(InvoicePdf.fileName(month)),
                out -> invoicePdf.write(document, html, book.zone().id(), out));
        publication.add(folder, ManifestEntry.of(pdf, "invoice", month.toString(), null, header.total(),
                currency, false, versions, run));
        MonthToDate figures = report.monthToDate(tenant, month.atEndOfMonth());
        AtomicFile.Written reconciliation = ReconciliationExport.write(staging, tenant, month, figures, currency, bom);
        publication.add(folder, ManifestEntry.of(reconciliation, "reconciliation", month.toString(),
                (long) ReconciliationExport.parts(figures).size(), figures.total(), currency, bom, List.of(), run));
        creditNotes(publication, tenant, month, folder, staging);
    }

    /**
     * The credit notes the month's refreshes issued ({@link CreditNoteFiles}): CSV, HTML and PDF each, in the month's
     * folder. A note never changes, so rewriting it gives the same bytes.
     */
    private void creditNotes(Publication publication, String tenant, YearMonth month, Path folder, Path staging) {
        for (CreditNote note : CreditNoteQuery.issuedIn(jdbc, book.zone(), tenant, month)) {
            String period = note.correctsMonth().toString();
            AtomicFile.Written csv = CreditNoteFiles.csv(staging, note, bom);
            publication.add(folder, ManifestEntry.of(csv, "credit_note", period, (long) note.lines().size() + 1,
                    note.total(), note.currency(), bom, List.of(), null));
            byte[] html = CreditNoteFiles.html(note, invoiceSettings);
            AtomicFile.Written page = AtomicFile.write(staging.resolve(note.baseName() + ".html"),
                    out -> out.write(html));
            publication.add(folder, ManifestEntry.of(page, "credit_note", period, null, note.total(),
                    note.currency(), false, List.of(), null));
            AtomicFile.Written pdf = AtomicFile.write(staging.resolve(note.baseName() + ".pdf"),
                    out -> creditNotePdf.write(note, invoiceSettings, book.zone().id(), out));
            publication.add(folder, ManifestEntry.of(pdf, "credit_note", period, null, note.total(),
                    note.currency(), false, List.of(), null));
        }
    }

    /**
     * The month whose folder takes a day's files: the day's own month, unless its invoice is FINAL and the day's lines
     * changed after the close; then the first later month whose invoice is not FINAL. A closed month's folder never
     * gets lines that its FINAL invoice did not bill, so it keeps reconciling with it; a later change of its days
     * lives with the invoice or credit note that corrects it.
     */
    private YearMonth folderMonthOf(String tenant, LocalDate date) {
        YearMonth month = YearMonth.from(date);
        if (!Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from invoice i join rated_day r on r.tenant_id = i.tenant_id
                                where i.tenant_id = ? and i.billing_month = ? and i.status = 'FINAL'
                                  and r.charge_date = ? and r.changed_at > i.closed_at)
                """, Boolean.class, tenant, Date.valueOf(month.atDay(1)), Date.valueOf(date)))) {
            return month;
        }
        YearMonth open = month.plusMonths(1);
        while (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from invoice where tenant_id = ?"
                + " and billing_month = ? and status = 'FINAL')", Boolean.class, tenant, Date.valueOf(open.atDay(1))))) {
            open = open.plusMonths(1);
        }
        return open;
    }

    private void invoiceIfAny(Publication publication, String tenant, YearMonth month) {
        if (provenance.hasInvoice(tenant, month)) {
            invoice(publication, tenant, month);
        }
    }

    /**
     * The bytes {@link #writeInvoices} writes into {@code invoice-<YYYY-MM>.<format>} for the tenant's invoice, rendered
     * now from the database by the same code into a scratch folder (the export folders are not touched); empty when
     * the month has no invoice.
     */
    public Optional<byte[]> invoiceFile(String tenant, YearMonth month, DocumentFormat format) {
        String name = format.invoiceFileName(month);
        return rendered((publication, scratch) -> {
            if (!provenance.hasInvoice(tenant, month)) {
                return Optional.empty();
            }
            invoice(publication, scratch, tenant, month);
            return Optional.of(publication.stagingOf(scratch.of(tenant, month), tenant, month).resolve(name));
        });
    }

    /**
     * The bytes of a credit note's file ({@code credit-note-<YYYY-MM>-<n>.<format>}) as the export of the month that
     * issued it writes them, rendered now into a scratch folder; empty when that month issued no such note.
     */
    public Optional<byte[]> creditNoteFile(String tenant, YearMonth issuedIn, String baseName, DocumentFormat format) {
        String name = baseName + "." + format.extension();
        return rendered((publication, scratch) -> {
            Path folder = scratch.of(tenant, issuedIn);
            Path staging = publication.stagingOf(folder, tenant, issuedIn);
            creditNotes(publication, tenant, issuedIn, folder, staging);
            return Optional.of(staging.resolve(name));
        });
    }

    /**
     * The month's figures as its reconciliation file and day report show them ({@link MonthToDate}), through
     * {@code through}, read in one read-only transaction.
     */
    public MonthFigures monthToDate(String tenant, LocalDate through) {
        return readOnly.execute(status -> MonthFigures.of(report.monthToDate(tenant, through),
                book.currency().getCurrencyCode()));
    }

    /** Renders into a scratch folder in a read-only transaction and reads the file named; removes the folder. */
    private Optional<byte[]> rendered(BiFunction<Publication, ExportFolders, Optional<Path>> render) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("flowbill-render-");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder: " + e.getMessage(), e);
        }
        Publication publication = new Publication(signingKey);
        try {
            return readOnly.execute(status -> render.apply(publication, new ExportFolders(scratch))
                    .filter(Files::isRegularFile).map(ExportService::bytes));
        }
        finally {
            publication.discard();
            try {
                StaleTemporaries.deleteTree(scratch);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + scratch + ": " + e.getMessage(), e);
            }
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private List<String> tenants() {
        return jdbc.queryForList("select tenant_id from flowbill_tenant order by tenant_id", String.class);
    }
}
