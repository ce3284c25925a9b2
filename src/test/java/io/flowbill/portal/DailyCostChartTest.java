package io.flowbill.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class DailyCostChartTest {

    static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    @Test
    void drawsAColumnPerDayOfTheMonthWithTheExactAmountAsItsTooltip() {
        TreeMap<LocalDate, BigDecimal> amounts = new TreeMap<>();
        amounts.put(LocalDate.of(2026, 11, 25), new BigDecimal("1234.56"));
        amounts.put(LocalDate.of(2026, 11, 26), new BigDecimal("0.40"));

        String svg = DailyCostChart.svg("Daily <charges>", FIRST, FIRST.plusMonths(1).minusDays(1), amounts, "CNY");

        assertThat(svg.split("<rect class=\"day\"", -1)).hasSize(31);
        assertThat(svg).contains("<title>2026-11-25: 1,234.56 CNY</title>", "<title>2026-11-01: 0 CNY</title>",
                "aria-label=\"Daily &lt;charges&gt;\"").doesNotContain("<script");
    }

    @Test
    void theTallestColumnReachesTheTopTickAndAZeroDayHasNoHeight() {
        TreeMap<LocalDate, BigDecimal> amounts = new TreeMap<>();
        amounts.put(FIRST, new BigDecimal("60"));

        String svg = DailyCostChart.svg("c", FIRST, FIRST.plusDays(1), amounts, "CNY");

        assertThat(svg).contains("height=\"180.0\" fill=\"#3b6ea5\"><title>2026-11-01: 60 CNY",
                "height=\"0.0\" fill=\"#3b6ea5\"><title>2026-11-02: 0 CNY", ">60<");
    }
}
