package io.flowbill.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.flowbill.invoicing.InvoiceState;
import io.flowbill.pricing.PriceBook;

/**
 * Writes the CSV exports under {@code flowbill.export.dir}: per tenant and month folder the day's charges and
 * exceptions, and invoices. Rows stream from the database (a cursor in a read-only transaction); the same data
 * gives byte-identical files.
 */
@Service
public class ExportService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ExportFolders folders;
    private final PriceBook book;

    ExportService(DataSource dataSource, PlatformTransactionManager transactionManager, ExportProperties settings,
            PriceBook book) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.folders = new ExportFolders(settings.dir());
        this.book = book;
    }

    /** Writes {@code charges-<date>.csv} and {@code exceptions-<date>.csv} for every tenant; returns the files. */
    public List<Path> writeDay(LocalDate date) {
        return readOnly.execute(status -> {
            List<Path> files = new ArrayList<>();
            for (String tenant : tenants()) {
                files.add(ChargesExport.write(jdbc, folders, tenant, date));
                files.add(ExceptionsExport.write(jdbc, folders, book.zone(), tenant, date));
            }
            return files;
        });
    }

    /** Writes {@code invoice-<YYYY-MM>.csv} for each invoice, with its current status; returns the files. */
    public List<Path> writeInvoices(Collection<InvoiceState> invoices) {
        return readOnly.execute(status -> {
            List<Path> files = new ArrayList<>();
            for (InvoiceState invoice : invoices) {
                files.add(InvoiceExport.write(jdbc, folders, invoice.tenant(), invoice.month()));
            }
            return files;
        });
    }

    private List<String> tenants() {
        return jdbc.queryForList("select tenant_id from flowbill_tenant order by tenant_id", String.class);
    }
}
