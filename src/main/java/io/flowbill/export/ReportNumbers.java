package io.flowbill.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.springframework.web.util.HtmlUtils;

import io.flowbill.pricing.Rounding;

/**
 * How the day report (and the portal) prints text and figures: text HTML-escaped; amounts exact as the CSV files print them, with
 * thousands separators ({@code 12,345.67}); traffic in GB with 2 decimals ({@code 3,166.65 GB}).
 */
public final class ReportNumbers {

    private ReportNumbers() {
    }

    /** Text for HTML and SVG, element content and quoted attribute values alike; null prints nothing. */
    public static String text(String text) {
        return HtmlUtils.htmlEscape(Objects.toString(text, ""), StandardCharsets.UTF_8.name());
    }

    /** An exact figure with a comma every three digits before the point; nothing is rounded. */
    public static String grouped(BigDecimal value) {
        String plain = value.toPlainString();
        int sign = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + 8).append(plain, 0, sign);
        for (int i = sign; i < end; i++) {
            if (i > sign && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, end, plain.length()).toString();
    }

    static String count(long value) {
        return grouped(BigDecimal.valueOf(value));
    }

    /** A traffic figure in GB, 2 decimals, grouped. */
    static String gb(BigDecimal value) {
        return grouped(Rounding.forDisplay(value, 2)) + " GB";
    }

    /** A signed change, e.g. {@code +1,200.00} or {@code -0.40}; zero prints {@code 0.00} at the value's scale. */
    static String change(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + grouped(value);
    }
}
