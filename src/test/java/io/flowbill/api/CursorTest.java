package io.flowbill.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void givesBackTheKeyItWasMadeOf() {
        Cursor.Key key = Cursor.decode("invoice-lines", Cursor.encode("invoice-lines", 105L, "compute", 0, "0.200",
                LocalDate.of(1, 1, 1), -1, 10, ""), 8);

        assertThat(key.number(0)).isEqualTo(105L);
        assertThat(key.text(1)).isEqualTo("compute");
        assertThat(key.decimal(3)).isEqualByComparingTo("0.2");
        assertThat(key.date(4)).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(key.integer(5)).isEqualTo(-1);
        assertThat(key.text(7)).isEmpty();
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(Cursor.decode("invoices", null, 1)).isNull();
        assertThat(Cursor.decode("invoices", "", 1)).isNull();
    }

    @Test
    void refusesACursorOfAnotherListOrWithOtherValues() {
        String invoices = Cursor.encode("invoices", "2026-11");

        assertThatThrownBy(() -> Cursor.decode("exceptions", invoices, 1)).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("'after' is not a cursor of this list");
        assertThatThrownBy(() -> Cursor.decode("invoices", invoices, 2)).isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> Cursor.decode("invoices", "%%%", 1)).isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> Cursor.decode("invoices", invoices, 1).number(0))
                .isInstanceOf(BadParameterException.class);
    }
}
