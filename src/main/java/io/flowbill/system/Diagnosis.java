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
    private static final String NO_URL = "the database";
    private static final String NO_SPACE = "No space left on device";
    /** PostgreSQL's SQLSTATEs: disk_full, admin_shutdown, crash_shutdown, cannot_connect_now. */
    private static final String DISK_FULL = "53100";
    private static final String ADMIN_SHUTDOWN = "57P01";
    private static final String CRASH_SHUTDOWN = "57P02";
    private static final String CANNOT_CONNECT_NOW = "57P03";

    private Diagnosis() {
    }

    /** True when {@link #of} recognizes the failure. */
    public static boolean isExpected(Throwable failure) {
        return of(failure, key -> null).isPresent();
    }

    /** The one line for a recognized failure, or empty. */
    public static Optional<String> of(Throwable failure, UnaryOperator<String> setting) {
        for (Throwable t : Causes.chain(failure).toList()) {
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
        if (state.equals(DISK_FULL)) {
            String embedded = Optional.ofNullable(setting.apply("flowbill.embedded-db.dir")).orElse("data/postgres");
            return Optional.of("database: " + (url.equals(NO_URL) ? "the embedded PostgreSQL in " + embedded : url)
                    + " is out of disk space" + (during == null ? "" : " during " + during) + " ("
                    + OneLineReason.of(failure) + "); free space on its disk" + (url.equals(NO_URL)
                            ? " or move flowbill.embedded-db.dir (" + embedded + ") to another" : "")
                    + ", then " + RESUME);
        }
        // 55000 with this message: the database refuses connections (datallowconn off), as while it is down
        boolean connecting = find(failure, ConnectException.class) != null || state.equals("08001")
                || state.equals("08004") || state.equals(CANNOT_CONNECT_NOW)
                || state.equals("55000") && String.valueOf(sql.getMessage()).contains("not currently accepting");
        if (connecting && during == null) {
            return Optional.of("database: cannot connect to " + url + " (" + OneLineReason.of(failure)
                    + "); check spring.datasource.url and that PostgreSQL is up");
        }
        // 57P01/57P02: the server ended the session (pg_terminate_backend, a shutdown or a crash)
        boolean ended = state.equals(ADMIN_SHUTDOWN) || state.equals(CRASH_SHUTDOWN);
        if (connecting || ended || state.startsWith("08")
                || String.valueOf(sql.getMessage()).contains("onnection is closed")) {
            return Optional.of("database: the connection to " + url + " was lost"
                    + (during == null ? "" : " during " + during) + " (" + OneLineReason.of(failure) + "); "
                    + (ended ? "PostgreSQL ended it (a restart, or an administrator ended the session): check that"
                            + " it is up, then " : "") + RESUME);
        }
        return Optional.empty();
    }

    private static String sqlState(Throwable failure) {
        return Causes.chain(failure).filter(SQLException.class::isInstance).map(t -> ((SQLException) t).getSQLState())
                .filter(state -> state != null).findFirst().orElse("");
    }

    private static String file(FileSystemException file, UnaryOperator<String> setting) {
        String reason = file.getReason() != null ? file.getReason()
                : file instanceof AccessDeniedException ? "permission denied"
                : file instanceof NoSuchFileException ? "no such file or directory"
                : file.getClass().getSimpleName();
        String exportDir = Optional.ofNullable(setting.apply("flowbill.export.dir")).orElse("out");
        String path = file.getFile() == null ? "?" : file.getFile();
        Path root = Path.of(exportDir).toAbsolutePath().normalize();
        boolean full = reason.contains(NO_SPACE);
        if (Path.of(path).toAbsolutePath().normalize().startsWith(root)) {
            return "export: cannot write " + path + " (" + reason + "); " + (full ? "free space on that disk or set"
                    + " flowbill.export.dir (" + exportDir + ") to a folder on another, then " + RESUME
                    : "check flowbill.export.dir (" + exportDir + ") and that the folder is writable");
        }
        if (full) {
            return "file system: cannot write " + path + " (" + reason + "); free space on that disk, then " + RESUME;
        }
        // not known here whether it was read (a secret file, a setting) or written: say both, never the wrong one
        return "file system: cannot read or write " + path + " (" + reason
                + "); check the owner and mode of the file and its folders for the user running flowbill";
    }

    /** The JDBC URL without any password in it. */
    static String safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return NO_URL;
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    private static <T> T find(Throwable failure, Class<T> type) {
        return Causes.find(failure, type).orElse(null);
    }
}
