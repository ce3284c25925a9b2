package io.flowbill.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** The figures of a day straight from the tables, computed independently of the code under test. */
final class DatabaseFigures {

    private DatabaseFigures() {
    }

    /** Runs a two-column query ({@code key, number}) into a sorted map. */
    static Map<String, BigDecimal> byKey(Connection connection, String sql, Object... parameters) throws SQLException {
        Map<String, BigDecimal> values = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        }
        return values;
    }

    /** Compares as Prometheus carries them: each number as the nearest double. */
    static Map<String, Double> asDoubles(Map<String, BigDecimal> values) {
        Map<String, Double> doubles = new TreeMap<>();
        values.forEach((key, value) -> doubles.put(key, value.doubleValue()));
        return doubles;
    }
}
