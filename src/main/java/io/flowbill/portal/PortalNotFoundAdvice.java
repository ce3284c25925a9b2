package io.flowbill.portal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.flowbill.api.NotFoundException;
import io.flowbill.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers a {@link NotFoundException} of any portal page (an unknown tenant, month, day or file, or a page the
 * security chain refused) with the portal's 404 page: the same page whether the tenant does not exist or belongs to
 * someone else.
 */
@ControllerAdvice(basePackageClasses = PortalNotFoundAdvice.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalNotFoundAdvice {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        ApiCaller caller = signedIn != null && signedIn.getPrincipal() instanceof ApiCaller known ? known : null;
        return PortalView.of(request, caller).page("not-found", "notFound.title", HttpStatus.NOT_FOUND);
    }
}
