package io.flowbill.cluster;

import java.util.Map;

import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * How a partition request travels: Spring Batch's {@link StepExecutionRequest} (the worker step's bean name and the
 * id of the partition's step execution) as JSON, typed by the fixed id {@value #TYPE_ID} instead of a Java class
 * name, so a worker reads nothing but partition requests (no Java deserialization of what a queue carries).
 */
final class PartitionMessages {

    static final String TYPE_ID = "stepExecutionRequest";

    private PartitionMessages() {
    }

    static MessageConverter converter() {
        DefaultJacksonJavaTypeMapper types = new DefaultJacksonJavaTypeMapper();
        types.setIdClassMapping(Map.of(TYPE_ID, StepExecutionRequest.class));
        types.setTrustedPackages();
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter();
        converter.setJavaTypeMapper(types);
        return converter;
    }
}
