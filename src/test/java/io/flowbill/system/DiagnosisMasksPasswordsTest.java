package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A database failure's line names the JDBC URL without its password, in every form a URL can carry one (the quick
 * twin of FailureMessagesIT's "PostgreSQL down", which runs the jar).
 */
class DiagnosisMasksPasswordsTest {

    private static final String PASSWORD = "hunter2-not-printed";

    @ParameterizedTest(name = "{0}, SQL state {1}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://127.0.0.1:1/flowbill?password=hunter2-not-printed | 08001"
                + " | jdbc:postgresql://127.0.0.1:1/flowbill?password=***",
        "jdbc:postgresql://127.0.0.1:1/flowbill?user=bill&PASSWORD=hunter2-not-printed&ssl=true | 28P01"
                + " | jdbc:postgresql://127.0.0.1:1/flowbill?user=bill&PASSWORD=***&ssl=true",
        "jdbc:postgresql://bill:hunter2-not-printed@db.example:5432/flowbill | 3D000"
                + " | jdbc:postgresql://***@db.example:5432/flowbill",
        "jdbc:sqlserver://db.example;user=bill;password=hunter2-not-printed | 08004"
                + " | jdbc:sqlserver://db.example;user=bill;password=***" })
    void theLineNamesTheUrlWithoutItsPassword(String url, String sqlState, String masked) {
        SQLException failure = new SQLException("no luck", sqlState, new ConnectException("Connection refused"));
        UnaryOperator<String> setting = key -> Map.of("spring.datasource.url", url).get(key);

        String line = Diagnosis.of(failure, setting).orElseThrow();

        assertThat(line).as("line for %s", url).contains(masked).doesNotContain(PASSWORD);
    }
}
