package io.flowbill.cluster;

import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLException;

import org.springframework.amqp.AmqpException;

import io.flowbill.system.Causes;
import io.flowbill.system.Diagnosable;
import io.flowbill.system.OneLineReason;

/**
 * A manager could not send partitions because the TLS handshake with RabbitMQ failed ({@code spring.rabbitmq.ssl.*}):
 * a certificate this process does not trust, a host name the certificate does not name, or TLS spoken to a plain
 * port. Its message is the line, naming the settings to check (docs/scaling.md, "Broker TLS").
 */
class BrokerTlsException extends RuntimeException implements Diagnosable {

    private BrokerTlsException(String line, Throwable cause) {
        super(line, cause);
    }

    /** The failure to throw for {@code failure} of sending to {@code broker}: this when TLS failed, else itself. */
    static RuntimeException of(AmqpException failure, String broker) {
        if (Causes.find(failure, SSLException.class).isEmpty()) {
            return failure;
        }
        return new BrokerTlsException("the TLS handshake with " + broker + " failed (" + OneLineReason.of(failure)
                + "); spring.rabbitmq.ssl.bundle must name an SSL bundle whose trust store holds the broker's CA"
                + " certificate (spring.ssl.bundle.pem.<name>.truststore.certificate), the certificate must name"
                + " spring.rabbitmq.host, and spring.rabbitmq.port must be the broker's TLS listener", failure);
    }

    @Override
    public Optional<String> diagnosis(String during, UnaryOperator<String> setting) {
        return Optional.of("cluster: " + (during == null ? "" : during + ": ") + getMessage());
    }
}
