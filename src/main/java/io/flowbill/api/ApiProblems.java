package io.flowbill.api;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}): 400 for a parameter it cannot
 * use (the {@code parameter} property names it, {@code detail} says what to send), 404 for what the request cannot
 * see.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
public class ApiProblems {

    /** The type of a 400 for a bad query parameter. */
    public static final URI BAD_PARAMETER = URI.create("https://flowbill.io/problems/bad-parameter");

    /** The type of every 404. */
    public static final URI NOT_FOUND = URI.create("https://flowbill.io/problems/not-found");

    /**
     * The 404 of a tenant the request cannot see, whether it does not exist or belongs to someone else: one body
     * for both, so that an answer never tells which tenants exist.
     */
    public static ProblemDetail tenantNotFound(String tenant) {
        return notFound(NotFoundException.tenant(tenant).getMessage());
    }

    @ExceptionHandler(BadParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(BAD_PARAMETER);
        problem.setTitle("Bad query parameter");
        problem.setProperty("parameter", e.parameter());
        return answer(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(notFound(e.getMessage()));
    }

    static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }
}
