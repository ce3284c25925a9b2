package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderedIdCountTest {

    @Test
    void countsEachContainerOnceWhenItsRowsComeTogether() {
        OrderedIdCount count = new OrderedIdCount();
        for (long id : new long[] { 0, 7, 7, 7, 12, 13, 13, 2_000_000_000_000L }) {
            count.add(id);
        }

        assertThat(count.count()).isEqualTo(5);
    }

    @Test
    void countsNothingBeforeTheFirstRow() {
        assertThat(new OrderedIdCount().count()).isZero();
    }

    @Test
    void refusesAContainerThatComesBackAfterAnother() {
        OrderedIdCount count = new OrderedIdCount();
        count.add(7);
        count.add(12);

        assertThatThrownBy(() -> count.add(7)).isInstanceOf(IllegalStateException.class)
                .hasMessage("container 7 came after container 12: the rows of a charges or invoice file must come"
                        + " ordered by container id to be counted");
    }
}
