package io.flowbill.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.flowbill.export.DocumentNumbers;
import io.flowbill.export.ExportService;
import io.flowbill.export.MonthFigures;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A tenant's month to date: the reconciliation the export writes beside the invoice, as JSON. */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/v1/tenants/{tenant}/month-to-date", produces = "application/json")
@Tag(name = "month to date")
class MonthToDateController {

    private final ApiTenants tenants;
    private final ExportService exports;
    private final BillingZone zone;
    private final Clock clock;

    MonthToDateController(ApiTenants tenants, ExportService exports, PriceBook book, Clock clock) {
        this.tenants = tenants;
        this.exports = exports;
        this.zone = book.zone();
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "getMonthToDate",
            summary = "The month as its invoice computes it, with the parts that add up to its total",
            description = "month=YYYY-MM, the current month of the billing zone when left out; a past month counts"
                    + " through its last day, the current one through today.")
    ResponseEntity<MonthToDateBody> monthToDate(@PathVariable String tenant,
            @RequestParam(required = false) String month) {
        YearMonth asked = Parameters.month("month", month);
        LocalDate today = zone.date(clock.instant());
        YearMonth current = YearMonth.from(today);
        YearMonth shown = asked == null ? current : asked;
        if (shown.isAfter(current)) {
            throw new BadParameterException("month", "'month' " + shown + " has not begun in the billing zone (today"
                    + " is " + today + "): ask for " + current + " or an earlier month");
        }
        tenants.require(tenant);
        MonthFigures figures = exports.monthToDate(tenant, shown.equals(current) ? today : shown.atEndOfMonth());
        return Etags.changing(ResponseEntity.ok(), new MonthToDateBody(tenant, shown.toString(), figures.through(),
                figures.ratedDays(), figures.currency(),
                figures.invoiceStatus() == null ? null : DocumentNumbers.invoice(tenant, shown),
                figures.invoiceStatus(), figures.parts().stream()
                        .map(part -> new MonthToDateBody.Part(part.name(), Decimals.plain(part.amount()))).toList(),
                Decimals.plain(figures.total())));
    }
}
