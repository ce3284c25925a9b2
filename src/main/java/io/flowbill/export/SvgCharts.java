package io.flowbill.export;

import static io.flowbill.export.ReportNumbers.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.flowbill.pricing.Rounding;

/**
 * The report's charts as inline SVG (no script, no external resource). Bar lengths are pixels, so they are
 * computed in {@code double}; the numbers printed beside the bars and on the axis are the exact figures.
 */
final class SvgCharts {

    static final String OUT_COLOUR = "#3b6ea5";
    static final String IN_COLOUR = "#e08a1e";

    private static final int WIDTH = 640;
    private static final int LABEL = 150;
    private static final int BAR_AREA = 330;
    private static final int ROW = 26;

    /** The hourly chart: left of the plot the y-axis labels, above it the unit. */
    private static final int AXIS = 76;
    private static final int TOP = 22;
    private static final int PLOT = 160;

    private SvgCharts() {
    }

    /** One horizontal bar per entry, labelled, with its value and unit after the bar. */
    static String bars(String title, Map<String, BigDecimal> values, String unit) {
        double max = values.values().stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        int height = Math.max(1, values.size()) * ROW + 8;
        StringBuilder svg = open(title, WIDTH, height);
        int y = 4;
        for (Map.Entry<String, BigDecimal> entry : values.entrySet()) {
            double length = max <= 0 ? 0 : Math.max(0, entry.getValue().doubleValue()) / max * BAR_AREA;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL - 8, y + 17, text(entry.getKey())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    LABEL, y + 3, length, ROW - 8, OUT_COLOUR));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s%s</text>", LABEL + length + 6,
                    y + 17, ReportNumbers.grouped(entry.getValue()), unit.isEmpty() ? "" : " " + text(unit)));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Outbound and inbound traffic per hour, side by side, over a y-axis in GB whose ticks are labelled with
     * thousands separators and 2 decimals; the hours below, every third labelled; each bar's exact figure as its
     * tooltip.
     */
    static String hourly(String title, List<Traffic.Hour> hours) {
        BigDecimal max = hours.stream().flatMap(hour -> Stream.of(hour.outGb(), hour.inGb()))
                .reduce(BigDecimal.ZERO, BigDecimal::max);
        AxisScale axis = AxisScale.of(max);
        double top = axis.top().doubleValue();
        int base = TOP + PLOT;
        int slot = (WIDTH - AXIS - 10) / Math.max(1, hours.size());
        StringBuilder svg = open(title, WIDTH, base + 44);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" text-anchor=\"end\">GB</text>", AXIS - 6));
        int decimals = Math.max(2, axis.step().stripTrailingZeros().scale());
        for (BigDecimal tick : axis.values()) {
            double y = base - tick.doubleValue() / top * PLOT;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>",
                    AXIS, y, WIDTH - 10, y, tick.signum() == 0 ? "#999" : "#e3e8ee"));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    AXIS - 6, y + 4, ReportNumbers.grouped(Rounding.forDisplay(tick, decimals))));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", AXIS,
                TOP, AXIS, base));
        for (int i = 0; i < hours.size(); i++) {
            Traffic.Hour hour = hours.get(i);
            int x = AXIS + 2 + i * slot;
            bar(svg, x, slot / 2 - 1, hour.outGb().doubleValue(), top, base, OUT_COLOUR,
                    hour.label() + " out " + ReportNumbers.gb(hour.outGb()));
            bar(svg, x + slot / 2, slot / 2 - 1, hour.inGb().doubleValue(), top, base, IN_COLOUR,
                    hour.label() + " in " + ReportNumbers.gb(hour.inGb()));
            if (i % 3 == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x, base + 16,
                        text(hour.label())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">out (up)</text>", AXIS, base + 26, OUT_COLOUR, AXIS + 14, base + 35));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">in (down)</text>", AXIS + 90, base + 26, IN_COLOUR, AXIS + 104, base + 35));
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, int x, int width, double value, double top, int base, String colour,
            String tooltip) {
        double height = top <= 0 ? 0 : Math.max(0, value) / top * PLOT;
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>", x,
                base - height, Math.max(1, width), height, colour, text(tooltip)));
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"%s\">",
                width, height, width, height, text(title)));
    }
}
