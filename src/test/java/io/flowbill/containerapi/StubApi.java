package io.flowbill.containerapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted HTTP server for protocol tests: answers are queued per "METHOD path" (path without query) and
 * every request is recorded. Unscripted requests get the route's fallback or 599.
 */
final class StubApi implements AutoCloseable {

    /** A request as the server saw it. */
    record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status and JSON body, optional headers, a delay before answering, or a dropped connection. */
    record Answer(int status, String body, Map<String, String> headers, long delayMillis, boolean drop) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of(), 0, false);
        }

        static Answer error(int status, int code, String message) {
            return json(status, "{\"code\": " + code + ", \"message\": \"" + message + "\"}");
        }

        static Answer dropped() {
            return new Answer(0, null, Map.of(), 0, true);
        }

        Answer withHeader(String name, String value) {
            return new Answer(status, body, Map.of(name, value), delayMillis, drop);
        }

        Answer after(long millis) {
            return new Answer(status, body, headers, millis, drop);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Function<Seen, Answer>> fallbacks = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    StubApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues answers for {@code route} ("GET /api/v1/containers/7"), served in order. */
    StubApi script(String route, Answer... answers) {
        synchronized (scripts) {
            scripts.computeIfAbsent(route, r -> new ArrayDeque<>()).addAll(List.of(answers));
        }
        return this;
    }

    /** Answers {@code route} with {@code answer} whenever nothing is queued for it. */
    StubApi always(String route, Function<Seen, Answer> answer) {
        fallbacks.put(route, answer);
        return this;
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    List<Seen> requests(String route) {
        return seen.stream().filter(s -> (s.method() + " " + s.path()).equals(route)).toList();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean answered = false;
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            seen.add(request);
            Answer answer = next(request);
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            // a request stops counting as in flight before its answer leaves: once the client has read it, it may
            // send the next one, which must not find this one still counted
            inFlight.decrementAndGet();
            answered = true;
            if (answer.drop()) {
                // closing before the response headers closes the connection: the client reads EOF
                exchange.close();
                return;
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!answered) {
                inFlight.decrementAndGet();
            }
            exchange.close();
        }
    }

    private Answer next(Seen request) {
        String route = request.method() + " " + request.path();
        synchronized (scripts) {
            Deque<Answer> queue = scripts.get(route);
            if (queue != null && !queue.isEmpty()) {
                return queue.poll();
            }
        }
        Function<Seen, Answer> fallback = fallbacks.get(route);
        return fallback != null ? fallback.apply(request) : Answer.error(599, 5990000, "unscripted " + route);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
