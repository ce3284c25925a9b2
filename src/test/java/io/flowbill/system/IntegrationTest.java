package io.flowbill.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * An integration test of flowbill's Spring context: {@code @SpringBootTest} with a database of its own for each
 * context ({@link IntegrationTestContext}) and a clean slate for each test class that reuses a cached one
 * ({@link CleanSlate}). Classes with the same {@link #properties}, imports and web environment share one context
 * and its database, so keep a class's properties to those it really needs and use no {@code @DynamicPropertySource}
 * (its method alone makes the context one of a kind); the export folder is the context's
 * {@code ExportProperties.dir()}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest
@ContextConfiguration(initializers = IntegrationTestContext.class)
@TestExecutionListeners(listeners = CleanSlate.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface IntegrationTest {

    /** Properties of this test's context, as {@link SpringBootTest#properties}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** The web environment, as {@link SpringBootTest#webEnvironment}. */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
