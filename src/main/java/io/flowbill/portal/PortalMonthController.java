package io.flowbill.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.flowbill.api.ApiTenants;
import io.flowbill.api.NotFoundException;
import io.flowbill.export.DocumentNumbers;
import io.flowbill.export.ExportService;
import io.flowbill.export.MonthFigures;
import io.flowbill.export.ReportNumbers;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A tenant's month to date: what its charges come to so far and its invoice, as the day report and the API read them
 * ({@link ExportService#monthToDate}), and a chart and table of each day's charges. The month is the current one in
 * the billing zone unless {@code ?month=YYYY-MM} names another.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(PortalPaths.TENANTS + "/{tenant}")
class PortalMonthController {

    private final ApiTenants tenants;
    private final ExportService exports;
    private final Clock clock;
    private final BillingZone zone;

    PortalMonthController(ApiTenants tenants, ExportService exports, Clock clock, PriceBook book) {
        this.tenants = tenants;
        this.exports = exports;
        this.clock = clock;
        this.zone = book.zone();
    }

    @GetMapping
    ResponseEntity<String> monthToDate(@PathVariable String tenant, @RequestParam(required = false) String month,
            @AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) {
        tenants.require(tenant);
        LocalDate today = zone.date(clock.instant());
        YearMonth current = YearMonth.from(today);
        YearMonth shown = month == null || month.isBlank() ? current : month(month, current);
        LocalDate through = shown.equals(current) ? today : shown.atEndOfMonth();
        MonthFigures figures = exports.monthToDate(tenant, through);
        SortedMap<LocalDate, BigDecimal> days = exports.dailyAmounts(tenant, shown);
        PortalView view = PortalView.of(request, caller).tenant(tenant, "month");
        List<Map<String, String>> rows = days.entrySet().stream().map(day -> Map.of("day", day.getKey().toString(),
                "amount", ReportNumbers.grouped(day.getValue()))).toList();
        view.put("month", shown.toString()).put("previousMonth", shown.minusMonths(1).toString())
                .put("nextMonth", shown.isBefore(current) ? shown.plusMonths(1).toString() : "")
                .put("through", figures.through().toString()).put("ratedDays", Long.toString(figures.ratedDays()))
                .put("currency", figures.currency()).put("total", ReportNumbers.grouped(figures.total()))
                .put("days", rows).put("hasDays", !rows.isEmpty())
                .put("chart", DailyCostChart.svg(view.text("mtd.chart"), shown.atDay(1), shown.atEndOfMonth(), days,
                        figures.currency()));
        if (figures.invoiceStatus() != null) {
            view.put("invoice", Map.of("status", figures.invoiceStatus(), "number",
                    DocumentNumbers.invoice(tenant, shown)));
        }
        return view.page("month-to-date", "mtd.title");
    }

    /** The month asked for; one that is not a month or has not begun is a page that does not exist. */
    private static YearMonth month(String text, YearMonth current) {
        try {
            YearMonth month = YearMonth.parse(text);
            if (!month.isAfter(current)) {
                return month;
            }
        }
        catch (DateTimeParseException e) {
            // answered below
        }
        throw new NotFoundException("no month " + text);
    }
}
