package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The report prints amounts exactly with thousands separators, traffic in GB with 2 decimals, text escaped. */
class ReportNumbersTest {

    @Test
    void groupsTheIntegerDigitsByThreeWithoutRounding() {
        assertThat(ReportNumbers.grouped(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.891");
        assertThat(ReportNumbers.grouped(new BigDecimal("-1234.50"))).isEqualTo("-1,234.50");
        assertThat(ReportNumbers.grouped(new BigDecimal("999.99"))).isEqualTo("999.99");
        assertThat(ReportNumbers.grouped(new BigDecimal("100000"))).isEqualTo("100,000");
        assertThat(ReportNumbers.change(new BigDecimal("1500.00"))).isEqualTo("+1,500.00");
    }

    @Test
    void printsGbWithTwoDecimalsRoundedHalfUp() {
        assertThat(ReportNumbers.gb(new BigDecimal("3166.646484375"))).isEqualTo("3,166.65 GB");
        assertThat(ReportNumbers.gb(new BigDecimal("29.96875"))).isEqualTo("29.97 GB");
        assertThat(ReportNumbers.gb(BigDecimal.ZERO)).isEqualTo("0.00 GB");
    }

    @Test
    void escapesMarkupAndQuotesForElementsAndAttributes() {
        assertThat(ReportNumbers.text("<a href=\"x\">O'Neil & co</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
        assertThat(ReportNumbers.text("云主机 web-1")).isEqualTo("云主机 web-1");
        assertThat(ReportNumbers.text(null)).isEmpty();
    }
}
