package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = { "=SUM(1+1)", "+cmd", "-dash", "@admin", "\tTAB", "\rCR", "=HYPERLINK(\"x\")" })
    void prefixesTextThatASpreadsheetWouldRunAsAFormula(String name) {
        assertThat(CsvCells.untrusted(name)).as("cell for name '%s'", name).isEqualTo("'" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = { "web-prod-1", "测试容器-7", "it's \"quoted\", too", "a=b", "x-1", " =spaced" })
    void leavesOtherTextAsItIs(String name) {
        assertThat(CsvCells.untrusted(name)).as("cell for name '%s'", name).isEqualTo(name);
    }

    @Test
    void writesMissingTextAsAnEmptyCell() {
        assertThat(CsvCells.untrusted(null)).isEmpty();
        assertThat(CsvCells.untrusted("")).isEmpty();
    }

    @Test
    void writesDecimalsPlainWithTheirStoredScale() {
        assertThat(CsvCells.decimal(new BigDecimal("1E-9"))).isEqualTo("0.000000001");
        assertThat(CsvCells.decimal(new BigDecimal("1.2E+3"))).isEqualTo("1200");
        assertThat(CsvCells.decimal(new BigDecimal("24.000000000"))).isEqualTo("24.000000000");
        assertThat(CsvCells.decimal(new BigDecimal("-6.72"))).as("a negative adjustment stays a number")
                .isEqualTo("-6.72");
    }

    @Test
    void leavesTheTierEmptyForItemsOtherThanBandwidth() {
        assertThat(CsvCells.tier(0)).isEmpty();
        assertThat(CsvCells.tier(2)).isEqualTo("2");
    }

    @Test
    void printsQuantitiesWithoutTheTrailingZerosOfTheirStoredScale() {
        assertThat(CsvCells.quantity(new BigDecimal("24.000000000"))).isEqualTo("24");
        assertThat(CsvCells.quantity(new BigDecimal("120.000000000"))).as("no exponent").isEqualTo("120");
        assertThat(CsvCells.quantity(new BigDecimal("8.593750000"))).isEqualTo("8.59375");
        assertThat(CsvCells.quantity(new BigDecimal("0.016666667"))).isEqualTo("0.016666667");
        assertThat(CsvCells.quantity(new BigDecimal("0.000000000"))).isEqualTo("0");
        assertThat(CsvCells.quantity(null)).isEmpty();
    }
}
