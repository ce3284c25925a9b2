package io.flowbill.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the demo: the built-in sandbox of {@value #CONTAINERS} containers (seed 7), tenant
 * {@code demo}, runs waiting at most a second for another run's lock. Every class so annotated shares one Spring
 * context and its database (emptied before each class), so a class needing another setting declares its own
 * {@link IntegrationTest} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@IntegrationTest(properties = { "flowbill.demo=true", "flowbill.sandbox.containers=" + DemoFleetTest.CONTAINERS,
    "flowbill.sandbox.seed=7", "flowbill.jobs.lock-wait=1s" })
public @interface DemoFleetTest {

    /** Containers of the built-in sandbox. */
    int CONTAINERS = 30;
}
