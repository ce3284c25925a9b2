package io.flowbill.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A Pushgateway stand-in: records every request it gets and answers with the status it is told to. */
final class PushgatewayStandIn implements AutoCloseable {

    /** One request as received. */
    record Push(String method, String path, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private volatile int status;

    private PushgatewayStandIn(int status) throws IOException {
        this.status = status;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                pushes.add(new Push(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
            }
            byte[] answer = (this.status / 100 == 2 ? "" : "stand-in failure " + this.status)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(this.status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** A stand-in answering every push with {@code status}. */
    static PushgatewayStandIn answering(int status) throws IOException {
        return new PushgatewayStandIn(status);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Push> pushes() {
        return List.copyOf(pushes);
    }

    void answer(int newStatus) {
        this.status = newStatus;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
