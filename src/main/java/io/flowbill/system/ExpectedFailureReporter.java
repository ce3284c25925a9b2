package io.flowbill.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Keeps Spring Boot from logging the stack trace of a start-up failure that {@link Diagnosis} recognizes (the
 * database is down, the configuration is incomplete, the price book is refused): the command line prints its one
 * line instead, and DEBUG keeps the trace. Registered in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ExpectedFailureReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger(ExpectedFailureReporter.class);

    @Override
    public boolean reportException(Throwable failure) {
        if (!Diagnosis.isExpected(failure)) {
            return false;
        }
        log.debug("flowbill could not start", failure);
        return true;
    }
}
