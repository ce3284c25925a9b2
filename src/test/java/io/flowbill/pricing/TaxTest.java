package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;

import org.junit.jupiter.api.Test;

/** The invoice's tax (docs/billing-rules.md, "Tax and the invoice's equation"), with numbers checked by hand. */
class TaxTest {

    private static final Currency CNY = Currency.getInstance("CNY");

    /** {@link PriceBooks#SMALL} with 6 % from v2 (2017-05-10) and 9 % from 2017-06-01 00:00 +08:00. */
    private static final String TAXED = PriceBooks.SMALL + """
                tax-rate: 0.06
              - name: v3
                effective-from: 2017-06-01T00:00:00+08:00
                tax-rate: 0.09
            """;

    @Test
    void roundsTheTaxOnceOnTheSubtotalNotOnEachLine() {
        BigDecimal line = new BigDecimal("0.25");
        BigDecimal rate = new BigDecimal("0.06");

        BigDecimal once = Rounding.tax(line.add(line).add(line), rate, CNY);
        BigDecimal perLine = Rounding.tax(line, rate, CNY).multiply(BigDecimal.valueOf(3));

        assertThat(once).as("0.75 x 0.06 = 0.045").isEqualTo(new BigDecimal("0.05"));
        assertThat(perLine).as("0.015 → 0.02, three times").isEqualTo(new BigDecimal("0.06"));
        assertThat(Rounding.tax(new BigDecimal("47.33"), rate, CNY)).as("47.33 x 0.06 = 2.8398")
                .isEqualTo(new BigDecimal("2.84"));
    }

    @Test
    void takesTheRateOfTheVersionInEffectAtTheMonthsLastSecond() {
        PriceBook book = load(TAXED);

        assertThat(book.taxVersionOf(YearMonth.of(2017, 4)).taxRate()).as("April, v1 without tax-rate")
                .isEqualByComparingTo("0");
        assertThat(book.taxVersionOf(YearMonth.of(2017, 5)).name()).as("May: v2 from the 10th, v3 only from June")
                .isEqualTo("v2");
        assertThat(book.taxVersionOf(YearMonth.of(2017, 5)).taxRate()).isEqualByComparingTo("0.06");
        assertThat(book.taxVersionOf(YearMonth.of(2017, 6)).taxRate()).isEqualByComparingTo("0.09");
    }

    @Test
    void isZeroUnlessABookSaysAndInheritedByLaterVersions() {
        assertThat(load(PriceBooks.SMALL).versions()).extracting(PriceVersion::taxRate)
                .allSatisfy(rate -> assertThat(rate).isEqualByComparingTo("0"));
        assertThat(load(TAXED + """
                  - name: v4
                    effective-from: 2017-07-01T00:00:00+08:00
                    traffic-out-per-gb: 0.80
                """).version("v4").taxRate()).as("v4 inherits v3's rate").isEqualByComparingTo("0.09");
    }

    @Test
    void refusesATaxRateThatIsNotAFraction() {
        assertThatThrownBy(() -> load(PriceBooks.SMALL + "    tax-rate: 6\n"))
                .isInstanceOf(PriceBookException.class).hasMessageContaining("tax-rate")
                .hasMessageContaining("at most 1 (write 0.06 for 6 %)");
        assertThatThrownBy(() -> load(PriceBooks.SMALL + "    tax-rate: -0.06\n"))
                .isInstanceOf(PriceBookException.class).hasMessageContaining("tax-rate")
                .hasMessageContaining("must not be negative");
    }

    private static PriceBook load(String yaml) {
        return PriceBooks.parse(yaml);
    }
}
