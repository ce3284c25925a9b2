package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A credit note's PDF is the same bytes every time it is written (the API serves it rendered again). */
class CreditNotePdfBytesTest {

    static final CreditNote NOTE = new CreditNote("acme", YearMonth.of(2026, 11), 1, "acme-202611",
            LocalDate.of(2026, 12, 2), "CNY", new BigDecimal("-6.72"), BigDecimal.ZERO, new BigDecimal("0.00"),
            new BigDecimal("-6.72"), List.of(new CreditNote.Line(105, "gone", new BigDecimal("6.72"),
                    new BigDecimal("-6.72"))));

    @Test
    void writesTheSameBytesForTheSameNote() {
        assertThat(bytes(new CreditNotePdf())).isEqualTo(bytes(new CreditNotePdf()));
    }

    private static byte[] bytes(CreditNotePdf pdf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(NOTE, Invoices.SETTINGS, ZoneId.of("Asia/Shanghai"), out);
        return out.toByteArray();
    }
}
