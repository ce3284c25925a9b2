package io.flowbill.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.flowbill.system.TestDatabase;

/**
 * The bill of some tenants as two runs must agree on it, line for line and file for file: every row of the billing
 * tables ({@link BillTables}: usage, exceptions, charge lines, package days, daily rollups, month lines, invoices
 * and their lines) without the columns that name a run or say when a row was written, sorted by their unique keys;
 * and every export file under {@code <export dir>/<tenant>/}, byte for byte except the job execution ids that the
 * manifest ({@code "run_id": N}, and so the size and SHA-256 it gives of the day report) and the day report
 * ({@code run N}) print: another process numbers its executions differently.
 *
 * @param tenants the tenants read
 * @param tables  table name to its rows: key text to column values (text as PostgreSQL prints them)
 * @param files   export file path, relative to the export dir, to its bytes (run ids masked)
 * @param notes   tables not compared and why (a table without tenant_id)
 */
public record BillSnapshot(List<String> tenants, Map<String, Map<String, Map<String, String>>> tables,
        Map<String, byte[]> files, List<String> notes) {

    private static final Pattern MANIFEST_RUN = Pattern.compile("\"run_id\": \\d+");
    private static final Pattern REPORT_RUN = Pattern.compile("run \\d+");
    private static final Pattern REPORT_ENTRY = Pattern.compile(
            "(\"name\": \"report-[^\"]+\",[^}]*?\"bytes\": )\\d+(,\\s*\"sha256\": \")[0-9a-f]+", Pattern.DOTALL);

    /** Reads {@code tenants}' rows from {@code database} and their files under {@code exportDir}. */
    public static BillSnapshot of(TestDatabase.Database database, Collection<String> tenants, Path exportDir)
            throws SQLException, IOException {
        List<String> ids = List.copyOf(tenants);
        Map<String, Map<String, Map<String, String>>> tables = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (BillTables.Spec spec : BillTables.TABLES) {
                List<String> columns = columns(connection, spec.name());
                if (columns.isEmpty() || !columns.contains("tenant_id") && spec.extraColumns().isEmpty()) {
                    notes.add(spec.name() + (columns.isEmpty() ? " does not exist" : " has no tenant_id") + ": not compared");
                    continue;
                }
                tables.put(spec.name(), rows(connection, spec, columns, ids));
            }
        }
        return new BillSnapshot(ids, tables, files(exportDir, ids), notes);
    }

    /** Every row of every table, for the reader of a failed comparison. */
    public long rows() {
        return tables.values().stream().mapToLong(Map::size).sum();
    }

    public Map<String, Map<String, String>> table(String name) {
        return tables.getOrDefault(name, Map.of());
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select column_name from"
                + " information_schema.columns where table_schema = current_schema() and table_name = ?"
                + " order by ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static Map<String, Map<String, String>> rows(Connection connection, BillTables.Spec spec,
            List<String> tableColumns, List<String> tenants) throws SQLException {
        for (String excluded : spec.excluded().keySet()) {
            if (!tableColumns.contains(excluded)) {
                throw new IllegalStateException("BillTables leaves out " + spec.name() + "." + excluded
                        + ", which the table does not have (columns " + tableColumns + "): correct the list");
            }
        }
        List<String> names = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (String extra : spec.extraColumns()) {
            names.add(extra.substring(extra.indexOf('.') + 1));
            selects.add(extra + "::text");
        }
        for (String column : tableColumns) {
            if (!spec.excluded().containsKey(column) && !names.contains(column)) {
                names.add(column);
                selects.add("t." + column + "::text");
            }
        }
        List<String> key = spec.key().isEmpty() ? names : spec.key();
        List<String> order = new ArrayList<>();
        for (String column : key) {
            if (!names.contains(column)) {
                throw new IllegalStateException("the key of " + spec.name() + " names " + column + ", not a column read");
            }
            order.add((names.indexOf(column) + 1) + " nulls first");
        }
        String sql = "select " + String.join(", ", selects) + " from " + spec.from() + " order by "
                + String.join(", ", order);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", tenants.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        row.put(names.get(i), rs.getString(i + 1));
                    }
                    String keyText = key.stream().map(row::get).toList().toString();
                    String unique = keyText;
                    for (int n = 2; rows.containsKey(unique); n++) {
                        unique = keyText + " #" + n;
                    }
                    rows.put(unique, row);
                }
            }
        }
        return rows;
    }

    private static Map<String, byte[]> files(Path exportDir, List<String> tenants) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String tenant : tenants) {
            Path folder = exportDir.resolve(tenant);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = exportDir.relativize(file).toString();
                    files.put(name, masked(name, Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    /** The bytes with the run ids masked in the manifest and the day report; every other file as it is. */
    static byte[] masked(String name, byte[] bytes) {
        String fileName = Path.of(name).getFileName().toString();
        if (fileName.equals("manifest.json")) {
            String text = MANIFEST_RUN.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("\"run_id\": N");
            return REPORT_ENTRY.matcher(text).replaceAll("$1N$2X").getBytes(StandardCharsets.UTF_8);
        }
        if (fileName.startsWith("report-") && fileName.endsWith(".html")) {
            return REPORT_RUN.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("run N")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /** Fails with the first difference (table, key, column, or file and line) and how many there are in all. */
    public static void assertSameBill(BillSnapshot expected, BillSnapshot actual) {
        BillDifferences differences = BillDifferences.between(expected, actual);
        if (!differences.isEmpty()) {
            throw new AssertionError(differences.describe());
        }
    }

    @Override
    public String toString() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        tables.forEach((name, rows) -> sizes.put(name, rows.size()));
        return "BillSnapshot[tenants " + tenants + ", rows " + sizes + ", " + files.size() + " files"
                + (notes.isEmpty() ? "" : ", " + notes) + "]";
    }
}
