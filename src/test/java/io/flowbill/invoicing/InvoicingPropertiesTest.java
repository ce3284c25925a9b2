package io.flowbill.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** work-mem goes into a SET statement, so only a PostgreSQL memory size passes validation. */
class InvoicingPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void acceptsAMemorySize() {
        assertThat(validator.validate(new InvoicingProperties(1000, 2, 50_000, "64MB"))).isEmpty();
    }

    @Test
    void refusesAnythingElseAsWorkMem() {
        assertThat(validator.validate(new InvoicingProperties(1000, 2, 50_000, "64MB'; drop table charge_line; --")))
                .extracting(violation -> violation.getPropertyPath().toString()).containsExactly("workMem");
    }
}
