package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

import io.flowbill.containerapi.FlowParseException.Reason;

class FlowAmountTest {

    @ParameterizedTest(name = "{0} = {1} MB")
    @CsvSource(delimiter = '|', value = {
            "1234.0MB   | 1234.0",
            "0.00B      | 0",
            "18.61GB    | 19056.64",
            "30.66GB    | 31395.84",
            "111111.0MB | 111111.0",
    })
    void parsesEveryFormSeenInNotesExactly(String raw, String expectedMb) {
        assertThat(FlowAmount.parseMegabytes(raw, 1024))
                .as("raw='%s'", raw)
                .isEqualByComparingTo(expectedMb);
    }

    @ParameterizedTest(name = "{0} = {1} MB")
    @CsvSource(delimiter = '|', value = {
            "1B          | 0.00000095367431640625",
            "1KB         | 0.0009765625",
            "512 kb      | 0.5",
            "1536 KB     | 1.5",
            "2 Mb        | 2",
            "1.5 gb      | 1536",
            "1TB         | 1048576",
            "0.001TB     | 1048.576",
            "'  7MB  '   | 7",
            "1024TB      | 1073741824",
    })
    void convertsEveryUnitExactlyCaseInsensitiveWithOptionalSpace(String raw, String expectedMb) {
        assertThat(FlowAmount.parseMegabytes(raw, 1024)).as("raw='%s'", raw).isEqualByComparingTo(expectedMb);
    }

    @Test
    void keepsEveryDigitOfAFractionOfAByte() {
        BigDecimal mb = FlowAmount.parseMegabytes("3.3B", 1024);

        assertThat(mb.multiply(BigDecimal.valueOf(1024 * 1024))).isEqualByComparingTo("3.3");
    }

    @Test
    void usesTheConfiguredMegabytesPerGigabyte() {
        assertThat(FlowAmount.parseMegabytes("18.61GB", 1000)).isEqualByComparingTo("18610");
        assertThat(FlowAmount.parseMegabytes("1TB", 1000)).isEqualByComparingTo("1024000");
    }

    @Test
    void recordKeepsTheRawString() {
        FlowAmount amount = FlowAmount.parse("18.61GB");

        assertThat(amount.raw()).isEqualTo("18.61GB");
        assertThat(amount.megabytes()).isEqualByComparingTo("19056.64");
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''          | EMPTY",
            "'   '       | EMPTY",
            "-1MB        | NEGATIVE",
            "-0.00B      | NEGATIVE",
            "NaN         | NOT_A_NUMBER",
            "NaNMB       | NOT_A_NUMBER",
            "InfinityGB  | NOT_A_NUMBER",
            "abcMB       | NOT_A_NUMBER",
            "MB          | NOT_A_NUMBER",
            "1.2.3MB     | NOT_A_NUMBER",
            ".5MB        | NOT_A_NUMBER",
            "+5MB        | NOT_A_NUMBER",
            "1,5MB       | NOT_A_NUMBER",
            "5 M B       | NOT_A_NUMBER",
            "1e3MB       | EXPONENT",
            "1.5E+2GB    | EXPONENT",
            "2E-3 KB     | EXPONENT",
            "1234        | MISSING_UNIT",
            "1234.0      | MISSING_UNIT",
            "12PB        | UNKNOWN_UNIT",
            "12MiB       | UNKNOWN_UNIT",
            "12 bytes    | UNKNOWN_UNIT",
            "1024.01TB   | TOO_LARGE",
            "1073741825MB | TOO_LARGE",
            "99999999999999999999999999GB | TOO_LARGE",
            "00000000000000000000000000000000000000000000000000000000000000001MB | TOO_LONG",
    })
    void rejectsWithTheReasonAndTheRawValue(String raw, Reason reason) {
        assertThatThrownBy(() -> FlowAmount.parseMegabytes(raw, 1024))
                .isInstanceOfSatisfying(FlowParseException.class, e -> {
                    assertThat(e.reason()).as("raw='%s'", raw).isEqualTo(reason);
                    assertThat(e.raw()).isEqualTo(raw);
                })
                .hasMessageContaining(reason.name());
    }

    @ParameterizedTest
    @NullSource
    void rejectsNull(String raw) {
        assertThatThrownBy(() -> FlowAmount.parse(raw))
                .isInstanceOfSatisfying(FlowParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NULL);
                    assertThat(e.raw()).isNull();
                });
    }

    @Test
    void rejectsANonPositiveGigabyteFactor() {
        assertThatThrownBy(() -> FlowAmount.parseMegabytes("1GB", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
