package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class BenchOptionsTest {

    @Test
    void measuresEachSizeOfAListThreeTimesByDefault() {
        BenchSettings settings = settings("--containers", "10000,100000,1000000");

        assertThat(settings.containers()).containsExactly(10_000, 100_000, 1_000_000);
        assertThat(settings.repeat()).isEqualTo(3);
        assertThat(settings.historyDays()).isZero();
        assertThat(settings("--repeat", "1").containers()).containsExactly(100_000);
    }

    @Test
    void refusesRepeatBelowOneAndMoreHistoryThanAMonthHolds() {
        assertThatThrownBy(() -> settings("--repeat", "0")).hasMessageContaining("--repeat must be at least 1");
        assertThatThrownBy(() -> settings("--history-days", "31"))
                .hasMessageContaining("--history-days must be between 0 and 30");
        assertThatThrownBy(() -> settings("--containers", "10000,0")).hasMessageContaining("--containers");
    }

    @Test
    void measuresTheLastDayOfTheLatestMonthOverThatHoldsTheHistory() {
        assertThat(MonthEnd.measuredDay(LocalDate.of(2026, 11, 28), 29)).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(MonthEnd.measuredDay(LocalDate.of(2026, 12, 1), 0)).isEqualTo(LocalDate.of(2026, 11, 30));
        // February 2027 has 28 days: 29 earlier days need January
        assertThat(MonthEnd.measuredDay(LocalDate.of(2027, 3, 5), 29)).isEqualTo(LocalDate.of(2027, 1, 31));
        // 30 earlier days need a month of 31: not November
        assertThat(MonthEnd.measuredDay(LocalDate.of(2026, 12, 15), 30)).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    private static BenchSettings settings(String... args) {
        BenchCommand command = new BenchCommand(List.of());
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }
}
