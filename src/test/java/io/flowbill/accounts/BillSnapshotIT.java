package io.flowbill.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.system.TestDatabase;

/**
 * {@link BillSnapshot} sees what a bill is and nothing else: two databases with the same lines written by other
 * runs at other times (other run ids, timestamps and invoice ids) are the same bill; one amount, one extra line or
 * one byte of a CSV file makes them differ, and the failure names the table, key and column, or the file and line.
 * Another tenant's rows are not part of a tenant's bill.
 */
class BillSnapshotIT {

    @TempDir
    Path exports;

    @Test
    void theSameLinesWrittenByOtherRunsAtOtherTimesAreTheSameBill() throws Exception {
        TestDatabase.Database a = billed(1, "2026-11-21 03:00:00+00", "1.20");
        TestDatabase.Database b = billed(7, "2026-11-22 05:30:00+00", "1.20");

        BillSnapshot one = BillSnapshot.of(a, List.of("acme", "globex"), exports);
        BillSnapshot other = BillSnapshot.of(b, List.of("acme", "globex"), exports);

        assertThat(one.table("charge_line")).hasSize(2);
        assertThat(one.table("invoice_line")).hasSize(2);
        assertThatCode(() -> BillSnapshot.assertSameBill(one, other)).doesNotThrowAnyException();
    }

    @Test
    void anotherAmountIsNamedByTableKeyAndColumn() throws Exception {
        BillSnapshot one = BillSnapshot.of(billed(1, "2026-11-21 03:00:00+00", "1.20"), List.of("acme"), exports);
        BillSnapshot other = BillSnapshot.of(billed(1, "2026-11-21 03:00:00+00", "1.30"), List.of("acme"), exports);

        assertThatThrownBy(() -> BillSnapshot.assertSameBill(one, other))
                .hasMessageContaining("table charge_line, key [acme, 2026-11-20, 42, compute, 0, 1, 20,")
                .hasMessageContaining("column quantity: expected 6.000000000, actual 6.500000000");
    }

    @Test
    void anExtraLineIsNamed() throws Exception {
        TestDatabase.Database a = billed(1, "2026-11-21 03:00:00+00", "1.20");
        TestDatabase.Database b = billed(1, "2026-11-21 03:00:00+00", "1.20");
        execute(b, "insert into charge_line values ('acme', date '2026-11-20', 43, 'compute', 0, 1, 20, 'v1',"
                + " 6, 'hour', 0.2, 1.20, 'CNY', 1)");

        assertThatThrownBy(() -> BillSnapshot.assertSameBill(BillSnapshot.of(a, List.of("acme"), exports),
                BillSnapshot.of(b, List.of("acme"), exports)))
                .hasMessageContaining("table charge_line, key [acme, 2026-11-20, 43,").hasMessageContaining("extra");
    }

    @Test
    void anotherTenantsLinesAreNotPartOfTheBill() throws Exception {
        TestDatabase.Database a = billed(1, "2026-11-21 03:00:00+00", "1.20");
        TestDatabase.Database b = billed(1, "2026-11-21 03:00:00+00", "1.20");
        execute(b, "update charge_line set amount = 9.99, quantity = 49.95 where tenant_id = 'globex'");

        assertThatCode(() -> BillSnapshot.assertSameBill(BillSnapshot.of(a, List.of("acme"), exports),
                BillSnapshot.of(b, List.of("acme"), exports))).doesNotThrowAnyException();
        assertThatThrownBy(() -> BillSnapshot.assertSameBill(BillSnapshot.of(a, List.of("globex"), exports),
                BillSnapshot.of(b, List.of("globex"), exports))).hasMessageContaining("column quantity");
    }

    @Test
    void exportFilesCountByteForByteExceptTheRunIds(@TempDir Path other) throws Exception {
        TestDatabase.Database db = billed(1, "2026-11-21 03:00:00+00", "1.20");
        write(exports, "\"run_id\": 12", "run 12", "a,b\n1,2\n");
        write(other, "\"run_id\": 31", "run 31", "a,b\n1,2\n");
        BillSnapshot one = BillSnapshot.of(db, List.of("acme"), exports);

        assertThat(one.files()).containsOnlyKeys("acme/2026-11/manifest.json", "acme/2026-11/report-2026-11-20.html",
                "acme/2026-11/charges-2026-11-20.csv");
        assertThatCode(() -> BillSnapshot.assertSameBill(one, BillSnapshot.of(db, List.of("acme"), other)))
                .doesNotThrowAnyException();

        write(other, "\"run_id\": 31", "run 31", "a,b\n1,3\n");
        assertThatThrownBy(() -> BillSnapshot.assertSameBill(one, BillSnapshot.of(db, List.of("acme"), other)))
                .hasMessageContaining("file acme/2026-11/charges-2026-11-20.csv: line 2: expected '1,2', actual '1,3'");
    }

    private static void write(Path root, String manifestRun, String reportRun, String csv) throws Exception {
        Path month = Files.createDirectories(root.resolve("acme/2026-11"));
        Files.writeString(month.resolve("manifest.json"), "{\"files\": [{\"name\": \"x\", " + manifestRun + "}]}\n");
        Files.writeString(month.resolve("report-2026-11-20.html"), "<p>" + reportRun + "</p>\n");
        Files.writeString(month.resolve("charges-2026-11-20.csv"), csv);
    }

    /** A database with acme's and globex's lines of 2026-11-20, written by run {@code run} at {@code at}. */
    private static TestDatabase.Database billed(long run, String at, String acmeAmount) throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/sql").load()
                .migrate();
        String quantity = new java.math.BigDecimal(acmeAmount).divide(new java.math.BigDecimal("0.2")).toPlainString();
        execute(db, "insert into flowbill_tenant (tenant_id, created_at) values ('acme', '" + at + "'), ('globex', '"
                + at + "')");
        execute(db, "insert into charge_line values ('acme', date '2026-11-20', 42, 'compute', 0, 1, 20, 'v1', "
                + quantity + ", 'hour', 0.2, " + acmeAmount + ", 'CNY', " + run + "), ('globex', date '2026-11-20', 42,"
                + " 'compute', 0, 1, 20, 'v1', 6, 'hour', 0.2, 1.20, 'CNY', " + run + ")");
        // other runs insert invoices in another order: other ids for the same invoices
        for (String tenant : run == 1 ? List.of("acme", "globex") : List.of("globex", "acme")) {
            String amount = tenant.equals("acme") ? acmeAmount : "1.20";
            execute(db, "insert into invoice (tenant_id, billing_month, status, currency, subtotal, total, lines,"
                    + " changed_at) values ('" + tenant + "', date '2026-11-01', 'DRAFT', 'CNY', " + amount + ", "
                    + amount + ", 1, '" + at + "')");
            execute(db, "insert into invoice_line (invoice_id, container_id, item, tier, unit_price, quantity, unit,"
                    + " amount, currency, charge_type, spec_id, price_version) select id, 42, 'compute', 0, 0.2, "
                    + (tenant.equals("acme") ? quantity : "6") + ", 'hour', " + amount + ", 'CNY', 1, 20, 'v1' from"
                    + " invoice where tenant_id = '" + tenant + "'");
        }
        return db;
    }

    private static void execute(TestDatabase.Database db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
