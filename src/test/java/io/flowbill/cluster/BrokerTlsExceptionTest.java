package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;

import io.flowbill.system.Diagnosis;

class BrokerTlsExceptionTest {

    static final String BROKER = "RabbitMQ mq:5671";

    @Test
    void aFailedHandshakeIsOneLineNamingTheTlsSettings() {
        AmqpConnectException failure = new AmqpConnectException(new SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target"));

        RuntimeException thrown = BrokerTlsException.of(failure, BROKER);

        assertThat(Diagnosis.of(thrown, key -> null)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("cluster: the TLS handshake with RabbitMQ mq:5671 failed (PKIX path building failed")
                .contains("spring.rabbitmq.ssl.bundle", "spring.ssl.bundle.pem.<name>.truststore.certificate",
                        "spring.rabbitmq.host", "spring.rabbitmq.port"));
    }

    @Test
    void aBrokerThatIsDownIsNotCalledATlsFailure() {
        AmqpConnectException failure = new AmqpConnectException(new java.net.ConnectException("Connection refused"));

        assertThat(BrokerTlsException.of(failure, BROKER)).isSameAs(failure);
    }
}
