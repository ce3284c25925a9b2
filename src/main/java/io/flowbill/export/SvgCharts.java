package io.flowbill.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG (no script, no external resource). Bar lengths are pixels, so they are
 * computed in {@code double}; the numbers printed beside the bars are the exact figures.
 */
final class SvgCharts {

    static final String OUT_COLOUR = "#3b6ea5";
    static final String IN_COLOUR = "#e08a1e";

    private static final int WIDTH = 640;
    private static final int LABEL = 150;
    private static final int BAR_AREA = 330;
    private static final int ROW = 26;

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
                    LABEL - 8, y + 17, Html.escape(entry.getKey())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    LABEL, y + 3, length, ROW - 8, OUT_COLOUR));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s%s</text>", LABEL + length + 6,
                    y + 17, entry.getValue().toPlainString(), unit.isEmpty() ? "" : " " + Html.escape(unit)));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** Outbound and inbound traffic per hour, side by side, with the hours below. */
    static String hourly(String title, List<Traffic.Hour> hours) {
        double max = hours.stream()
                .mapToDouble(hour -> Math.max(hour.outGb().doubleValue(), hour.inGb().doubleValue())).max().orElse(0);
        int plot = 160;
        int slot = (WIDTH - 40) / Math.max(1, hours.size());
        StringBuilder svg = open(title, WIDTH, plot + 44);
        svg.append(String.format(Locale.ROOT, "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                plot + 10, WIDTH - 10, plot + 10));
        for (int i = 0; i < hours.size(); i++) {
            Traffic.Hour hour = hours.get(i);
            int x = 32 + i * slot;
            bar(svg, x, slot / 2 - 1, hour.outGb().doubleValue(), max, plot, OUT_COLOUR,
                    hour.label() + " out " + hour.outGb().stripTrailingZeros().toPlainString() + " GB");
            bar(svg, x + slot / 2, slot / 2 - 1, hour.inGb().doubleValue(), max, plot, IN_COLOUR,
                    hour.label() + " in " + hour.inGb().stripTrailingZeros().toPlainString() + " GB");
            if (i % 3 == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x, plot + 26,
                        Html.escape(hour.label())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"30\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                + "<text x=\"44\" y=\"%d\">out (up)</text>", plot + 32, OUT_COLOUR, plot + 41));
        svg.append(String.format(Locale.ROOT, "<rect x=\"120\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                + "<text x=\"134\" y=\"%d\">in (down)</text>", plot + 32, IN_COLOUR, plot + 41));
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, int x, int width, double value, double max, int plot, String colour,
            String tooltip) {
        double height = max <= 0 ? 0 : Math.max(0, value) / max * plot;
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>", x,
                plot + 10 - height, Math.max(1, width), height, colour, Html.escape(tooltip)));
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"%s\">",
                width, height, width, height, Html.escape(title)));
    }
}
