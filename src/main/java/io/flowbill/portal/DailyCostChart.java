package io.flowbill.portal;

import static io.flowbill.export.ReportNumbers.grouped;
import static io.flowbill.export.ReportNumbers.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SortedMap;

import io.flowbill.export.AxisScale;

/**
 * The month-to-date page's chart as inline SVG (no script, nothing loaded): one column per day of the month over a
 * y-axis in the currency (ticks from {@link AxisScale}), the day of the month below every column, and each column's
 * exact amount as its tooltip. Column heights are pixels, so they are computed in {@code double}; every printed
 * figure is the exact amount.
 */
final class DailyCostChart {

    private static final int WIDTH = 900;
    private static final int AXIS = 80;
    private static final int TOP = 22;
    private static final int PLOT = 180;
    private static final String COLOUR = "#3b6ea5";

    private DailyCostChart() {
    }

    /** The chart of {@code amounts} by day over the days from {@code first} to {@code last}, inclusive. */
    static String svg(String title, LocalDate first, LocalDate last, SortedMap<LocalDate, BigDecimal> amounts,
            String currency) {
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        BigDecimal max = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        AxisScale axis = AxisScale.of(max);
        double top = axis.top().doubleValue();
        int base = TOP + PLOT;
        double slot = (WIDTH - AXIS - 10) / (double) Math.max(1, days);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", WIDTH, base + 24, WIDTH, base + 24,
                text(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" text-anchor=\"end\">%s</text>", AXIS - 6,
                text(currency)));
        for (BigDecimal tick : axis.values()) {
            double y = base - tick.doubleValue() / top * PLOT;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>",
                    AXIS, y, WIDTH - 10, y, tick.signum() == 0 ? "#999" : "#e3e8ee"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    AXIS - 6, y + 4, grouped(tick)));
        }
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            BigDecimal amount = amounts.getOrDefault(day, BigDecimal.ZERO);
            double height = top <= 0 ? 0 : Math.max(0, amount.doubleValue()) / top * PLOT;
            double x = AXIS + 2 + i * slot;
            svg.append(String.format(Locale.ROOT, "<rect class=\"day\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                    + " height=\"%.1f\" fill=\"%s\"><title>%s: %s %s</title></rect>", x, base - height,
                    Math.max(1, slot - 3), height, COLOUR, day, grouped(amount), text(currency)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
                    x + slot / 2 - 1, base + 16, day.getDayOfMonth()));
        }
        return svg.append("</svg>").toString();
    }
}
