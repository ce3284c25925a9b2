package io.flowbill.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tools.jackson.databind.JsonNode;

/**
 * The one HTTP handler: counts the request, adds latency, injects faults, checks the token and dispatches to the
 * endpoint. Every answer that is not a success is {@code {"code": ..., "message": ...}}.
 */
final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

    private final ContainerApi containers;
    private final TokenStore tokens;
    private final FaultInjector faults;
    private final RequestStats stats;
    private final AccountLimits limits;

    ApiHandler(ContainerApi containers, TokenStore tokens, FaultInjector faults, RequestStats stats,
            AccountLimits limits) {
        this.containers = containers;
        this.tokens = tokens;
        this.faults = faults;
        this.stats = stats;
        this.limits = limits;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Route route = Route.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            stats.received(route.endpoint());
            sleep(faults.latencyMillis());
            Fault fault = route.endpoint() == null ? null : faults.before(route.endpoint());
            if (fault == Fault.DROP_CONNECTION) {
                stats.droppedConnection();
                return;
            }
            HttpReply reply;
            try {
                reply = fault != null ? faultReply(fault) : answer(route, exchange);
            } catch (SandboxApiException e) {
                reply = HttpReply.json(e.error().status(), new WireJson.Error(e.error().code(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "sandbox failed to answer " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI(), e);
                reply = HttpReply.error(ApiError.SERVER_ERROR);
            }
            send(exchange, reply);
        } finally {
            exchange.close();
        }
    }

    private HttpReply answer(Route route, HttpExchange exchange) throws IOException {
        if (route.error() != null) {
            return HttpReply.error(route.error());
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (route.endpoint() == Endpoint.TOKEN) {
            return issueToken(Json.readObject(body));
        }
        String account = tokens.account(token(exchange.getRequestHeaders().getFirst("Authorization")));
        if (account == null) {
            throw new SandboxApiException(ApiError.UNAUTHORIZED, "missing, unknown or expired token");
        }
        if (!limits.admit(account)) {
            stats.overLimit();
            return overLimit(limits.limit().answer());
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        return switch (route.endpoint()) {
            case IMAGES -> containers.images();
            case CREATE -> containers.create(Json.readObject(body));
            case MODIFY -> containers.modify(route.containerId(), Json.readObject(body));
            case LIST -> containers.list(query);
            case GET -> containers.get(route.containerId());
            case DELETE -> containers.delete(route.containerId());
            case RESTART -> containers.restart(route.containerId());
            case TAG -> containers.tag(route.containerId(), Json.readObject(body));
            case FLOW -> containers.flow(route.containerId(), query);
            case TOKEN -> throw new IllegalStateException("handled above");
        };
    }

    private HttpReply issueToken(JsonNode body) {
        String key = Json.optionalString(body, "app_key");
        String secret = Json.optionalString(body, "app_secret");
        if (key == null || secret == null) {
            throw SandboxApiException.invalid("app_key and app_secret are required");
        }
        String token = tokens.issue(key, secret);
        stats.tokenIssued();
        return HttpReply.json(201, new WireJson.Token(token, String.valueOf(tokens.ttl().toSeconds())));
    }

    private HttpReply faultReply(Fault fault) {
        return switch (fault) {
            case SERVER_ERROR -> HttpReply.error(ApiError.SERVER_ERROR);
            case SERVICE_UNAVAILABLE -> HttpReply.error(ApiError.SERVICE_UNAVAILABLE);
            case RATE_LIMITED -> HttpReply.error(ApiError.FREQ_OUT_OF_LIMIT);
            case UNAUTHORIZED -> HttpReply.error(ApiError.UNAUTHORIZED);
            case TOO_MANY_REQUESTS -> {
                HttpReply reply = HttpReply.error(ApiError.TOO_MANY_REQUESTS);
                yield new HttpReply(reply.status(), reply.body(),
                        Map.of("Retry-After", String.valueOf(faults.settings().retryAfterSeconds())));
            }
            case DROP_CONNECTION, MALFORMED_FLOW -> throw new IllegalStateException("not an answer: " + fault);
        };
    }

    private static HttpReply overLimit(RequestLimit.Answer answer) {
        return switch (answer) {
            case FREQ_OUT_OF_LIMIT -> HttpReply.error(ApiError.FREQ_OUT_OF_LIMIT);
            case TOO_MANY_REQUESTS -> {
                HttpReply reply = HttpReply.error(ApiError.TOO_MANY_REQUESTS);
                yield new HttpReply(reply.status(), reply.body(), Map.of("Retry-After", "1"));
            }
        };
    }

    /** The token of {@code Authorization: Token <t>}, the scheme in any case; null if absent. */
    static String token(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.length() > 6 && value.regionMatches(true, 0, "token", 0, 5)
                && Character.isWhitespace(value.charAt(5))) {
            return value.substring(6).trim();
        }
        return null;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw SandboxApiException.invalid("malformed query: " + pair);
            }
        }
        return parameters;
    }

    private void send(HttpExchange exchange, HttpReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        stats.answered(reply.status());
        if (reply.body().length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
