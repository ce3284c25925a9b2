package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class FlowFormatTest {

    @ParameterizedTest
    @CsvSource({"1234, 1234.0MB", "0, 0.0MB", "17.250, 17.25MB", "0.000001, 0.000001MB", "1E+3, 1000.0MB",
        "111111.000, 111111.0MB"})
    void mbFormatPrintsPlainMegabytesWithAFractionalDigit(String mb, String printed) {
        assertThat(FlowFormat.MB.format(new BigDecimal(mb))).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00B", "0.5, 512.00KB", "0.001, 1.024KB", "18944, 18.50GB", "1048576, 1.00TB",
        "1025.3, 1025.30MB", "31395.84, 30.66GB", "2.5, 2.50MB"})
    void mixedFormatChoosesTheUnitByMagnitudeWithoutLosingDigits(String mb, String printed) {
        assertThat(FlowFormat.MIXED.format(new BigDecimal(mb))).isEqualTo(printed);
    }

    @Test
    void mixedFormatParsesBackExactly() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            int magnitude = random.nextInt(13);
            long units = (long) (random.nextDouble() * Math.pow(10, magnitude));
            BigDecimal mb = BigDecimal.valueOf(units, 6);
            String printed = FlowFormat.MIXED.format(mb);

            assertThat(printed).as("mb='%s'", mb).doesNotContain("E");
            assertThat(FlowFormat.parseMb(printed)).as("mb='%s', printed='%s'", mb, printed)
                    .isEqualByComparingTo(mb);
        }
    }

    @Test
    void parseReadsEveryUnitWithOneGigabyteBeing1024Megabytes() {
        assertThat(FlowFormat.parseMb("18.61GB")).isEqualByComparingTo("19056.64");
        assertThat(FlowFormat.parseMb("1024KB")).isEqualByComparingTo("1");
        assertThat(FlowFormat.parseMb("1048576B")).isEqualByComparingTo("1");
        assertThat(FlowFormat.parseMb("0.00B")).isEqualByComparingTo("0");
        assertThat(FlowFormat.parseMb("2TB")).isEqualByComparingTo("2097152");
    }

    @ParameterizedTest
    @EnumSource(value = MalformedFlow.class, names = { "OVERFLOW", "IMPLAUSIBLE", "IMPLAUSIBLE_OUTBOUND" }, mode = EnumSource.Mode.EXCLUDE)
    void parseRefusesMalformedValues(MalformedFlow malformed) {
        assertThatThrownBy(() -> FlowFormat.parseMb(malformed.value()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void anImplausibleValueIsWellFormed() {
        // 1000 TB = 1000 x 1024 x 1024 MB: well-formed, only absurd for one container-hour
        assertThat(FlowFormat.parseMb(MalformedFlow.IMPLAUSIBLE.value())).isEqualByComparingTo("1048576000");
    }
}
