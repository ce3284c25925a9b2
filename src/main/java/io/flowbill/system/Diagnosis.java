package io.flowbill.system;

import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Says what broke in one line: the component (database, container API, export, price book, configuration), the
 * cause and what to do; a feature's own failures say it themselves ({@link Diagnosable}). A failure it recognizes
 * is an expected one: flowbill prints the line without a stack trace (the trace is kept for DEBUG). {@code setting}
 * reads the configuration, so the line names the URL or folder involved; a password is never printed.
 */
public final class Diagnosis {

    private static final String RESUME = Diagnosable.RESUME;

    private Diagnosis() {
    }

    /** True when {@link #of} recognizes the failure. */
    public static boolean isExpected(Throwable failure) {
        return of(failure, key -> null).isPresent();
    }

    /** The one line for a recognized failure, or empty. */
    public static Optional<String> of(Throwable failure, UnaryOperator<String> setting) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JobRunFailure run) {
                Optional<String> inJob = ofJob(run.execution(), setting);
                if (inJob.isPresent()) {
                    return inJob;
                }
            }
            if (t instanceof ConfigurationRefused) {
                return Optional.of("configuration: " + t.getMessage());
            }
            if (t instanceof JobAlreadyRunningException) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof Diagnosable feature) {
                Optional<String> line = feature.diagnosis(null, setting);
                if (line.isPresent()) {
                    return line;
                }
            }
        }
        return classify(failure, null, setting);
    }

    private static Optional<String> ofJob(JobExecution execution, UnaryOperator<String> setting) {
        String job = execution.getJobInstance().getJobName();
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().contains(":")).toList());
        steps.addAll(execution.getStepExecutions().stream().filter(step -> !step.getStepName().contains(":")).toList());
        for (StepExecution step : steps) {
            String where = job + "/" + step.getStepName().replaceFirst(":.*", "");
            for (Throwable failure : step.getFailureExceptions()) {
                Optional<String> line = classify(failure, where, setting);
                if (line.isPresent()) {
                    return line;
                }
            }
        }
        for (Throwable failure : execution.getFailureExceptions()) {
            Optional<String> line = classify(failure, job, setting);
            if (line.isPresent()) {
                return line;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> classify(Throwable failure, String during, UnaryOperator<String> setting) {
        Diagnosable feature = find(failure, Diagnosable.class);
        if (feature != null) {
            return feature.diagnosis(during, setting);
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null) {
            return database(failure, sql, during, setting);
        }
        FileSystemException file = find(failure, FileSystemException.class);
        if (file != null) {
            return Optional.of(file(file, setting));
        }
        return Optional.empty();
    }

    private static Optional<String> database(Throwable failure, SQLException sql, String during,
            UnaryOperator<String> setting) {
        String state = sqlState(failure);
        String url = safeUrl(setting.apply("spring.datasource.url"));
        if (state.startsWith("28")) {
            return Optional.of("database: " + url + " refused the login (" + OneLineReason.of(sql) + "); check"
                    + " spring.datasource.username and spring.datasource.password");
        }
        if (state.equals("3D000")) {
            return Optional.of("database: " + url + " (" + OneLineReason.of(sql) + "); check spring.datasource.url");
        }
        // 55000 with this message: the database refuses connections (datallowconn off), as while it is down
        boolean connecting = find(failure, ConnectException.class) != null || state.equals("08001")
                || state.equals("08004") || state.equals("57P03")
                || state.equals("55000") && String.valueOf(sql.getMessage()).contains("not currently accepting");
        if (connecting && during == null) {
            return Optional.of("database: cannot connect to " + url + " (" + OneLineReason.of(failure)
                    + "); check spring.datasource.url and that PostgreSQL is up");
        }
        // 57P01/57P02: the server ended the session (pg_terminate_backend, a shutdown or a crash)
        if (connecting || state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || String.valueOf(sql.getMessage()).contains("onnection is closed")) {
            return Optional.of("database: the connection to " + url + " was lost"
                    + (during == null ? "" : " during " + during) + " (" + OneLineReason.of(failure) + "); " + RESUME);
        }
        return Optional.empty();
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static String file(FileSystemException file, UnaryOperator<String> setting) {
        String reason = file.getReason() != null ? file.getReason()
                : file instanceof AccessDeniedException ? "permission denied"
                : file instanceof NoSuchFileException ? "no such file or directory"
                : file.getClass().getSimpleName();
        String exportDir = Optional.ofNullable(setting.apply("flowbill.export.dir")).orElse("out");
        String path = file.getFile() == null ? "?" : file.getFile();
        Path root = Path.of(exportDir).toAbsolutePath().normalize();
        if (Path.of(path).toAbsolutePath().normalize().startsWith(root)) {
            return "export: cannot write " + path + " (" + reason + "); check flowbill.export.dir (" + exportDir
                    + ") and that the folder is writable";
        }
        // not known here whether it was read (a secret file, a setting) or written: say both, never the wrong one
        return "file system: cannot read or write " + path + " (" + reason
                + "); check the owner and mode of the file and its folders for the user running flowbill";
    }

    /** The JDBC URL without any password in it. */
    static String safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return "the database";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    private static <T> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
