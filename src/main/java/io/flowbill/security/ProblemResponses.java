package io.flowbill.security;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the security layer's answers as RFC 9457 problem details ({@code application/problem+json}) the way Spring
 * MVC writes a {@link ProblemDetail} a controller returns: type, title, status, detail, instance (the request's
 * path when not set), then its properties.
 */
final class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() != null ? problem.getType().toString() : "about:blank");
        body.put("title", problem.getTitle() != null ? problem.getTitle()
                : HttpStatus.valueOf(problem.getStatus()).getReasonPhrase());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        URI instance = problem.getInstance();
        body.put("instance", instance != null ? instance.toString() : request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
