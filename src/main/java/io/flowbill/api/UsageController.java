package io.flowbill.api;

import java.time.LocalDate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What a tenant's containers used and were charged, and the exceptions metering recorded. */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/v1/tenants/{tenant}", produces = "application/json")
@Tag(name = "usage")
class UsageController {

    private final ApiTenants tenants;
    private final UsageQueries usage;
    private final ChargeLineQueries charges;
    private final ExceptionQueries exceptions;

    UsageController(ApiTenants tenants, UsageQueries usage, ChargeLineQueries charges, ExceptionQueries exceptions) {
        this.tenants = tenants;
        this.usage = usage;
        this.charges = charges;
        this.exceptions = exceptions;
    }

    @GetMapping("/usage")
    @Operation(operationId = "getUsage",
            summary = "Metered hours and traffic per container and hour or day",
            description = "From the start of day 'from' to the end of day 'to' (YYYY-MM-DD, billing zone), by"
                    + " container, then period.")
    ResponseEntity<Page<UsageItem>> usage(@PathVariable String tenant, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
            @RequestParam(required = false) String container, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after) {
        LocalDate start = Parameters.date("from", from);
        LocalDate end = Parameters.date("to", to);
        Parameters.ordered("from", start, "to", end);
        Granularity per = Parameters.oneOf("granularity", granularity, Granularity.class);
        Long containerId = container(container);
        int size = Parameters.limit(limit);
        tenants.require(tenant);
        return Etags.changing(ResponseEntity.ok(), usage.of(tenant, start, end, per == null ? Granularity.DAY : per,
                containerId, after, size));
    }

    @GetMapping("/charges")
    @Operation(operationId = "listCharges",
            summary = "The day's charge lines, as charges-<YYYY-MM-DD>.csv has them")
    ResponseEntity<Page<ChargeLineItem>> charges(@PathVariable String tenant,
            @RequestParam(required = false) String date, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after) {
        LocalDate day = Parameters.date("date", date);
        int size = Parameters.limit(limit);
        tenants.require(tenant);
        return Etags.changing(ResponseEntity.ok(), charges.ofDay(tenant, day, after, size));
    }

    @GetMapping("/exceptions")
    @Operation(operationId = "listExceptions",
            summary = "The tenant's metering exceptions, oldest first",
            description = "resolved=true|false filters.")
    ResponseEntity<Page<ExceptionItem>> exceptions(@PathVariable String tenant,
            @RequestParam(required = false) String resolved, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after) {
        Boolean state = Parameters.flag("resolved", resolved);
        int size = Parameters.limit(limit);
        tenants.require(tenant);
        return Etags.changing(ResponseEntity.ok(), exceptions.list(tenant, state, after, size));
    }

    private static Long container(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        }
        catch (NumberFormatException e) {
            throw new BadParameterException("container", "'container' must be a container id (a whole number), was '"
                    + value + "'");
        }
    }
}
