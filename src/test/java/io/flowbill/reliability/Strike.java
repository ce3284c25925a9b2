package io.flowbill.reliability;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.flowbill.sandbox.Endpoint;
import io.flowbill.sandbox.Fault;
import io.flowbill.system.Patience;

/**
 * Where in {@code nightly} a fault strikes, each found by polling the job repository tables (and, where no step
 * marks the point, {@code pg_stat_activity} and the export folder) every 20 ms while the run goes on. Points that
 * pass too fast to be seen are held by a {@link DatabaseGate} until the fault has struck.
 */
enum Strike {

    /** The JVM is up and migrating the schema; no job execution exists yet. */
    STARTUP("startup") {
        @Override
        String reach(Scene scene) throws Exception {
            scene.await("flowbill migrating the schema", () -> scene.db().tableExists("flyway_schema_history"));
            return "schema migration, job executions: " + scene.db().rows("batch_job_execution");
        }
    },

    /** {@code inventoryStep} STARTED (two list pages answer 500 first, so the step lasts long enough to be seen). */
    INVENTORY("inventoryStep") {
        @Override
        void prepare(Scene scene) {
            scene.sandbox().faults().failNext(Endpoint.LIST, 2, Fault.SERVER_ERROR);
        }

        @Override
        String reach(Scene scene) throws Exception {
            scene.await("inventoryStep STARTED", () -> "STARTED".equals(scene.db().stepStatus("inventoryStep")));
            return "inventoryStep STARTED, usage rows " + scene.db().rows("usage_hour");
        }
    },

    /** {@code flowStep} STARTED and a third of the day's usage rows written. */
    FLOW("flowStep") {
        @Override
        String reach(Scene scene) throws Exception {
            long third = scene.reference().usageRows() / 3;
            scene.await("flowStep STARTED with " + third + " usage rows", () -> "STARTED".equals(
                    scene.db().stepStatus("flowStep")) && scene.db().rows("usage_hour") >= third);
            return "flowStep STARTED, usage rows " + scene.db().rows("usage_hour") + "/" + scene.reference().usageRows();
        }
    },

    /**
     * {@code dayBillingJob} between two steps: {@code dayMeteringStep} COMPLETED, the record of {@code recheckStep}
     * held as it is written.
     */
    RECHECK("recheckStep") {
        @Override
        String reach(Scene scene) throws Exception {
            scene.await("the job repository's tables", () -> scene.db().tableExists("batch_step_execution"));
            scene.gate(DatabaseGate.before(scene.db().database(), "batch_step_execution",
                    "new.step_name = 'recheckStep'"));
            scene.await("dayMeteringStep COMPLETED, recheckStep held as it starts", () -> "COMPLETED".equals(
                    scene.db().stepStatus("dayMeteringStep")) && scene.db().waitingFor("advisory") > 0);
            return "dayMeteringStep COMPLETED, recheckStep not recorded yet, dayBillingJob "
                    + scene.db().jobStatus("dayBillingJob");
        }
    },

    /**
     * {@code ratingPartitionStep:containers0} STARTED, its earlier chunks committed, the chunk with the day's last
     * container held in its write.
     */
    RATING_PARTITION("ratingPartitionStep:containers0") {
        @Override
        String reach(Scene scene) throws Exception {
            scene.await("meteringJob started", () -> scene.db().jobStatus("meteringJob") != null);
            scene.gate(DatabaseGate.before(scene.db().database(), "charge_line_staged",
                    "new.container_id = " + scene.reference().lastContainer()));
            scene.await("ratingPartitionStep:containers0 STARTED, held in a write", () -> "STARTED".equals(
                    scene.db().stepStatus("ratingPartitionStep:containers0")) && scene.db().waitingFor("advisory") > 0);
            return "ratingPartitionStep:containers0 STARTED, chunks committed " + scene.db().number(
                    "select commit_count from batch_step_execution where step_name = 'ratingPartitionStep:containers0'");
        }
    },

    /**
     * {@code ratingPublishStep} STARTED, every partition COMPLETED, the publish held as it writes the day's charge
     * lines (the staged ones become the day's in the step's one transaction).
     */
    PUBLISH("ratingPublishStep") {
        @Override
        String reach(Scene scene) throws Exception {
            scene.await("meteringJob started", () -> scene.db().jobStatus("meteringJob") != null);
            scene.gate(DatabaseGate.before(scene.db().database(), "charge_line", null));
            scene.await("ratingPublishStep STARTED, held as it writes charge_line", () -> "STARTED".equals(
                    scene.db().stepStatus("ratingPublishStep")) && scene.db().waitingFor("advisory") > 0);
            return "ratingPublishStep STARTED, lines staged " + scene.db().rows("charge_line_staged");
        }
    },

    /** {@code ratingJob} COMPLETED, {@code invoiceStep}'s refresh held as it writes the invoice's lines. */
    INVOICE_REFRESH("invoiceStep") {
        @Override
        String reach(Scene scene) throws Exception {
            holdInvoiceRefresh(scene);
            return "ratingJob COMPLETED, invoiceStep " + scene.db().stepStatus("invoiceStep")
                    + " writing invoice_line, invoices " + scene.db().rows("invoice");
        }
    },

    /**
     * {@code exportStep} STARTED, the day's charges, exceptions and report and the manifest written; the invoice
     * file not yet (its read of {@code invoice_line} waits for a table lock the test takes while the refresh is held).
     */
    EXPORT("exportStep") {
        @Override
        String reach(Scene scene) throws Exception {
            DatabaseGate refresh = holdInvoiceRefresh(scene);
            Connection locker = CaseDatabase.connect(scene.db().database());
            locker.setAutoCommit(false);
            CompletableFuture<Void> locked = CompletableFuture.runAsync(() -> lockInvoiceLines(locker));
            scene.cleanup(() -> {
                locked.get(Patience.seconds(30).toMillis(), TimeUnit.MILLISECONDS);
                locker.rollback();
                locker.close();
            });
            scene.await("the test queued for invoice_line", () -> scene.db().number(
                    "select count(*) from pg_locks where not granted and mode = 'AccessExclusiveLock'") > 0);
            refresh.open();
            // a run stages its files in a hidden folder and publishes them together: the day's charges appear there
            String charges = "charges-" + scene.day() + ".csv";
            scene.await("exportStep STARTED, the day's files written, the invoice file held", () -> "STARTED".equals(
                    scene.db().stepStatus("exportStep")) && written(scene, charges)
                    && scene.db().waitingFor("relation") > 0);
            try (var files = Files.walk(scene.exportDir())) {
                return "export held before the invoice file, files written " + files.filter(Files::isRegularFile).count();
            }
        }
    };

    private final String label;

    /** Whether a file of this name exists anywhere below the export folder, staged or published. */
    private static boolean written(Scene scene, String name) {
        try (var files = Files.walk(scene.exportDir())) {
            return files.anyMatch(file -> file.getFileName().toString().equals(name));
        }
        catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false; // a staging folder published or removed while walking: look again
        }
    }

    Strike(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Before the run starts. */
    void prepare(Scene scene) {
    }

    /** Waits until the run is at this point (holding it there where needed); says what was seen. */
    abstract String reach(Scene scene) throws Exception;

    private static DatabaseGate holdInvoiceRefresh(Scene scene) throws Exception {
        scene.await("meteringJob started", () -> scene.db().jobStatus("meteringJob") != null);
        DatabaseGate gate = scene.gate(DatabaseGate.before(scene.db().database(), "invoice_line", null));
        scene.await("ratingJob COMPLETED, invoiceStep's refresh held", () -> "COMPLETED".equals(
                scene.db().jobStatus("ratingJob")) && "STARTED".equals(scene.db().stepStatus("invoiceStep"))
                && scene.db().waitingFor("advisory") > 0);
        return gate;
    }

    private static void lockInvoiceLines(Connection locker) {
        try (Statement statement = locker.createStatement()) {
            statement.execute("lock table invoice_line in access exclusive mode");
        }
        catch (SQLException e) {
            throw new IllegalStateException("locking invoice_line failed: " + e.getMessage(), e);
        }
    }

    static final Duration PATIENCE = Patience.seconds(90);
}
