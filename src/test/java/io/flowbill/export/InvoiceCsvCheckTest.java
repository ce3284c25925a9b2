package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --verify} adds up an invoice CSV: two lines 10.00 + 5.50 = subtotal 15.50, tax round(15.50 x 0.06)
 * = 0.93, total 16.43, which the manifest also gives the invoice's HTML document.
 */
class InvoiceCsvCheckTest {

    @TempDir
    Path folder;

    private List<String> problems(String first, String subtotal, String tax, String documentTotal) {
        AtomicFile.Written csv = CsvFile.write(folder.resolve("invoice-2026-11.csv"),
                List.of("container_id", "item", "quantity", "unit", "unit_price", "amount", "currency"), false,
                sink -> {
                    sink.row("101", "compute", "720", "h", "0.039", first, "CNY");
                    sink.row("102", "bandwidth", "110", "Mbps_hour", "0.05", "5.50", "CNY");
                    sink.row("", "tax", subtotal, "CNY", "0.06", tax, "CNY");
                });
        ManifestEntry entry = ManifestEntry.of(csv, "invoice", "2026-11", 3L, null, "CNY", false, List.of(), 1L);
        ManifestEntry html = new ManifestEntry("invoice-2026-11.html", "invoice", "2026-11", null,
                new BigDecimal(documentTotal), "CNY", 100, "ab".repeat(32), false, List.of(), 1L);
        Manifest manifest = Manifest.empty("acme", "2026-11").with(List.of(entry, html));
        return InvoiceCsvCheck.problems(csv.path(), entry, manifest);
    }

    @Test
    void anInvoiceWhoseLinesTaxAndTotalAddUpPasses() {
        assertThat(problems("10.00", "15.50", "0.93", "16.43")).isEmpty();
    }

    @Test
    void namesALineThatNoLongerAddsUpToTheSubtotal() {
        assertThat(problems("20.00", "15.50", "0.93", "16.43"))
                .containsExactly("its lines add up to 25.50, its tax line says the subtotal is 15.50");
    }

    @Test
    void namesATaxThatIsNotTheRoundedSubtotalTimesTheRate() {
        assertThat(problems("10.00", "15.50", "1.93", "17.43"))
                .containsExactly("tax 1.93 is not round(subtotal 15.50 x rate 0.06) = 0.93");
    }

    @Test
    void namesATotalThatDiffersFromTheInvoiceDocumentsTotal() {
        assertThat(problems("10.00", "15.50", "0.93", "26.43")).containsExactly("subtotal 15.50 + tax 0.93 = 16.43,"
                + " but the manifest gives invoice-2026-11.html the total 26.43");
    }
}
