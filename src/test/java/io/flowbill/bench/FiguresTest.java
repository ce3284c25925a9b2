package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void reportsTheMedianOfTheRepetitionsWithMinAndMax() {
        Figures figures = new Figures(10_000);
        figures.add("rating_step_seconds", 3.0);
        figures.add("rating_step_seconds", 1.0);
        figures.add("rating_step_seconds", 2.5);

        assertThat(figures.median("rating_step_seconds")).isEqualTo(2.5);
        assertThat(figures.min("rating_step_seconds")).isEqualTo(1.0);
        assertThat(figures.max("rating_step_seconds")).isEqualTo(3.0);
        assertThat(ScaleTable.cell(figures, "rating_step_seconds")).isEqualTo("2.500 [1.000 - 3.000]");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        Figures figures = new Figures(50);
        List.of(4.0, 1.0, 3.0, 2.0).forEach(value -> figures.add("export_seconds", value));

        assertThat(figures.median("export_seconds")).isEqualTo(2.5);
    }

    @Test
    void writesMediansAtTheTopAndTheSpreadInMeasuringOrder() {
        Figures figures = new Figures(50);
        figures.fact("rating_usage_hours", 1190L);
        figures.add("api_bound_calls_per_second", 900.0);
        figures.add("api_bound_calls_per_second", 700.0);
        figures.add("api_bound_calls_per_second", 800.0);

        Map<String, Object> map = figures.toMap();

        assertThat(map).containsEntry("containers", 50).containsEntry("rating_usage_hours", 1190L)
                .containsEntry("api_bound_calls_per_second", 800.0);
        assertThat(((Map<?, ?>) map.get("spread")).get("api_bound_calls_per_second"))
                .isEqualTo(Map.of("min", 700.0, "max", 900.0, "values", List.of(900.0, 700.0, 800.0)));
        assertThat(ScaleTable.cell(figures, "rating_usage_hours")).isEqualTo("1190");
    }

    @Test
    void aFigureNeverMeasuredIsRefusedByName() {
        assertThatThrownBy(() -> new Figures(50).median("month_close_seconds"))
                .hasMessageContaining("month_close_seconds").hasMessageContaining("50 containers");
    }
}
