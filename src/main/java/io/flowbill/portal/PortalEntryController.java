package io.flowbill.portal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.flowbill.api.NotFoundException;
import io.flowbill.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's way in and out: the sign-in form, the landing redirect (a tenant's key to its month to date, an
 * admin's to the list of tenants), that list, and the 404 page every unknown or refused portal address shows.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(PortalPaths.ROOT)
class PortalEntryController {

    private final JdbcTemplate jdbc;

    PortalEntryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/sign-in")
    ResponseEntity<String> signIn(HttpServletRequest request) {
        return PortalView.of(request, null).put("failed", request.getParameter("failed") != null)
                .put("signedOut", request.getParameter("signed-out") != null)
                .put("expired", request.getParameter("expired") != null).page("sign-in", "signIn.title");
    }

    @GetMapping({ "", "/" })
    String landing(@AuthenticationPrincipal ApiCaller caller) {
        return "redirect:" + (caller.admin() ? PortalPaths.TENANTS : PortalPaths.tenant(caller.tenant()));
    }

    @GetMapping("/tenants")
    Object tenants(@AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) {
        if (!caller.admin()) {
            return "redirect:" + PortalPaths.tenant(caller.tenant());
        }
        List<String> tenants = jdbc.queryForList("select tenant_id from flowbill_tenant order by tenant_id",
                String.class);
        return PortalView.of(request, caller).put("tenants", tenants).page("tenants", "tenants.title");
    }

    /** Where the security chain sends a refused page ({@link PortalNotFoundAdvice} renders it). */
    @RequestMapping("/not-found")
    void notFound() {
        throw new NotFoundException("refused or unknown portal page");
    }
}
