package io.flowbill.portal;

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
import io.flowbill.api.ExceptionQueries;
import io.flowbill.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A tenant's open metering exceptions, a page at a time, as the API lists them ({@link ExceptionQueries}).
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(PortalPaths.TENANTS + "/{tenant}")
class PortalExceptionsController {

    /** Exceptions on one page. */
    static final int PAGE = 100;

    private final ApiTenants tenants;
    private final ExceptionQueries exceptions;

    PortalExceptionsController(ApiTenants tenants, ExceptionQueries exceptions) {
        this.tenants = tenants;
        this.exceptions = exceptions;
    }

    @GetMapping("/exceptions")
    ResponseEntity<String> exceptions(@PathVariable String tenant, @RequestParam(required = false) String after,
            @AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) {
        tenants.require(tenant);
        var page = exceptions.list(tenant, false, after, PAGE);
        List<Map<String, String>> rows = page.items().stream().map(exception -> Map.of(
                "container", Long.toString(exception.containerId()),
                "window", exception.windowStart().toString(),
                "kind", exception.kind(),
                "raw", exception.rawValue() == null ? "" : exception.rawValue(),
                "message", exception.message() == null ? "" : exception.message())).toList();
        return PortalView.of(request, caller).tenant(tenant, "exceptions").put("exceptions", rows)
                .put("hasExceptions", !rows.isEmpty()).put("next", page.next() == null ? "" : page.next())
                .page("exceptions", "exceptions.title");
    }
}
