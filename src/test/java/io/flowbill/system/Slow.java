package io.flowbill.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test of minutes rather than seconds, mostly one that runs the real jar several times as separate processes
 * (a JVM and a Spring start each): the quick {@code ./mvnw verify} leaves it out, {@code ./mvnw verify -Pfull} runs
 * it with every other test, and CI runs that (README, "The two commands").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Tag("slow")
public @interface Slow {
}
