package io.flowbill.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.flowbill.api.ApiTenants;
import io.flowbill.api.Granularity;
import io.flowbill.api.NotFoundException;
import io.flowbill.api.Page;
import io.flowbill.api.UsageItem;
import io.flowbill.api.UsageQueries;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A tenant's metered usage of one day per container, with each container's name as of that day's end, as the API
 * reads it ({@link UsageQueries}); yesterday in the billing zone unless {@code ?date=YYYY-MM-DD} names another day.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(PortalPaths.TENANTS + "/{tenant}")
class PortalUsageController {

    /** Containers on one page. */
    static final int PAGE = 200;

    private final ApiTenants tenants;
    private final UsageQueries usage;
    private final Clock clock;
    private final BillingZone zone;

    PortalUsageController(ApiTenants tenants, UsageQueries usage, Clock clock, PriceBook book) {
        this.tenants = tenants;
        this.usage = usage;
        this.clock = clock;
        this.zone = book.zone();
    }

    @GetMapping("/usage")
    ResponseEntity<String> usage(@PathVariable String tenant, @RequestParam(required = false) String date,
            @RequestParam(required = false) String after, @AuthenticationPrincipal ApiCaller caller,
            HttpServletRequest request) {
        tenants.require(tenant);
        LocalDate day = date == null || date.isBlank() ? zone.yesterday(clock.instant()) : day(date);
        Page<UsageItem> page = usage.of(tenant, day, day, Granularity.DAY, null, after, PAGE);
        Map<Long, String> names = usage.namesAtEndOf(tenant, day,
                page.items().stream().map(UsageItem::containerId).toList());
        List<Map<String, String>> rows = page.items().stream().map(item -> Map.of(
                "id", Long.toString(item.containerId()),
                "name", names.getOrDefault(item.containerId(), ""),
                "hours", Long.toString(item.hours()),
                "billableHours", Long.toString(item.billableHours()),
                "outMb", item.upMb() == null ? "" : item.upMb(),
                "inMb", item.downMb() == null ? "" : item.downMb())).toList();
        return PortalView.of(request, caller).tenant(tenant, "usage").put("date", day.toString())
                .put("containers", rows).put("hasContainers", !rows.isEmpty())
                .put("next", page.next() == null ? "" : page.next()).page("usage", "usage.title");
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new NotFoundException("no day " + text);
        }
    }
}
