package io.flowbill.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether a service answers on a local TCP port: a broker or database on its default port needs no variable. */
final class LocalPort {

    static final String HOST = "127.0.0.1";

    private LocalPort() {
    }

    /** True when a TCP connection to {@code 127.0.0.1:port} opens within half a second (times the scale). */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), (int) Patience.of(Duration.ofMillis(500)).toMillis());
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
