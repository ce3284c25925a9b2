package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class LocalPortTest {

    @Test
    void aListeningPortAnswersAndAClosedOneDoesNot() throws IOException {
        int closed;
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getByName(LocalPort.HOST))) {
            assertThat(LocalPort.answers(listening.getLocalPort())).as("port %d, listening", listening.getLocalPort())
                    .isTrue();
            closed = listening.getLocalPort();
        }

        assertThat(LocalPort.answers(closed)).as("port %d, closed", closed).isFalse();
    }
}
