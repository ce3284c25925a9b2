package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The day report's HTML: the totals, the sections, nothing loaded from elsewhere, untrusted text escaped. */
class ReportPageTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void showsTheTotalsAmountsByItemAndChargeTypeTrafficAndExceptions() {
        String html = ReportPage.render(figures());

        assertThat(html).contains("<dd id=\"total-amount\">9.72 CNY</dd>", "<dd id=\"charge-lines\">3</dd>",
                "<dd id=\"containers\">2</dd>", "<dd id=\"traffic-out\">12.5 GB</dd>",
                "<dd id=\"traffic-in\">0.25 GB</dd>", "<dd id=\"exceptions-total\">1</dd>");
        assertThat(html).contains("<td>compute</td><td class=\"n\">2.40</td>", "<td>traffic_out</td><td class=\"n\">6.60</td>",
                "<td>on_demand</td><td class=\"n\">1</td><td class=\"n\">9.00</td>",
                "<td>package</td><td class=\"n\">1</td><td class=\"n\">0.72</td>");
        assertThat(html).contains("<svg", "Traffic by hour", "price versions v1, v2", "rating run 4");
    }

    @Test
    void loadsNothingFromElsewhere() {
        String html = ReportPage.render(figures());

        assertThat(html).doesNotContainPattern("(?i)<[^>]*\\b(src|href)\\s*=")
                .doesNotContainPattern("(?i)url\\s*\\(")
                .doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)\\b")
                .doesNotContainPattern("(?i)https?:")
                .contains("Content-Security-Policy\" content=\"default-src 'none'");
    }

    @Test
    void escapesTextThatCameFromTheApi() {
        String html = ReportPage.render(figures());

        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    }

    @Test
    void rendersTheSameBytesForTheSameFigures() {
        assertThat(ReportPage.render(figures())).isEqualTo(ReportPage.render(figures()));
    }

    static ReportFigures figures() {
        ChargeTally charges = new ChargeTally();
        charges.add(101, "compute", "on_demand", new BigDecimal("2.40"), "v1");
        charges.add(101, "traffic_out", "on_demand", new BigDecimal("6.60"), "v2");
        charges.add(103, "package", "package", new BigDecimal("0.72"), "v1");
        ExceptionTally exceptions = new ExceptionTally();
        exceptions.add(new ExceptionTally.Listed(102, "2026-11-24T21:00:00Z", "malformed_flow",
                "<img src=x onerror=alert(1)>", "flow value is not a quantity: traffic not counted"));
        Instant start = Instant.parse("2026-11-24T16:00:00Z");
        List<Traffic.Hour> hours = List.of(
                new Traffic.Hour(start, "00:00", new BigDecimal("12.000000000"), new BigDecimal("0.250000000")),
                new Traffic.Hour(start.plusSeconds(3600), "01:00", new BigDecimal("0.500000000"), BigDecimal.ZERO));
        Traffic traffic = new Traffic(hours, new BigDecimal("12.500000000"), new BigDecimal("0.250000000"), 1,
                new BigDecimal("1024"));
        return new ReportFigures("acme", DAY, ZoneId.of("Asia/Shanghai"), "CNY", charges, exceptions, traffic,
                List.of("v1", "v2"), 4L, "charges-2026-11-25.csv", "exceptions-2026-11-25.csv");
    }
}
