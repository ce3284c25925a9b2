package io.flowbill.invoicing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

import io.flowbill.system.IntegrationTest;

/**
 * An integration test of the {@link FixtureFleet} with the settings as they are by default: tenant {@code acme},
 * {@code pricing/fixture-book.yaml}, the clock at {@link FixedClockConfiguration#NOW}. Every class so annotated
 * shares one Spring context and its database (emptied before each class), so a class needing another setting
 * declares its own {@link IntegrationTest} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT })
@Import(FixedClockConfiguration.class)
public @interface FixtureFleetTest {
}
