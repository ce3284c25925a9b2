package io.flowbill.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.PgBouncer;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;

/**
 * The day's {@code nightly} (metering, rating, invoice, exports) of the three tenants ({@link ThreeTenants}) through
 * PgBouncer in transaction pooling makes the same bill, line for line and file for file ({@link BillSnapshot}), as
 * straight to PostgreSQL, with the one setting docs/scaling.md ("PgBouncer") asks for: {@code prepareThreshold=0} in
 * the JDBC URL (PgBouncer before 1.21 keeps no server-side prepared statement across transactions). Needs the
 * Debian package pgbouncer ({@link PgBouncer}).
 */
@Slow
class PgBouncerBillIT {

    static final String DAY = ThreeTenants.DAY.toString();
    static final Duration RUN_PATIENCE = Patience.seconds(900);

    static ThreeTenants tenants;

    @BeforeAll
    static void startSandboxes() throws Exception {
        PgBouncer.require();
        tenants = ThreeTenants.start(1_000, 300, 8);
    }

    @AfterAll
    static void stopSandboxes() {
        if (tenants != null) {
            tenants.close();
        }
    }

    @Test
    void theNightlyThroughPgBouncerInTransactionPoolingMakesTheSameBill() throws Exception {
        TestDatabase.Database direct = TestDatabase.fresh();
        Path directExports = Files.createTempDirectory("flowbill-pgbouncer-direct");
        FlowbillJar.Outcome reference = nightly(direct, directExports);
        assertThat(reference.exitCode()).as("nightly --date %s straight to PostgreSQL: %s", DAY, reference.reason())
                .isZero();

        TestDatabase.Database db = TestDatabase.fresh();
        Path exports = Files.createTempDirectory("flowbill-pgbouncer");
        try (PgBouncer bouncer = PgBouncer.transactionPooling(db, 20)) {
            FlowbillJar.Outcome pooled = nightly(bouncer.through(db, "prepareThreshold=0"), exports);

            assertThat(pooled.exitCode()).as("nightly --date %s through PgBouncer (pool_mode = transaction): %s\n"
                    + "PgBouncer said:\n%s", DAY, pooled.reason(), bouncer.log()).isZero();
        }
        BillSnapshot.assertSameBill(BillSnapshot.of(direct, tenants.tenants(), directExports),
                BillSnapshot.of(db, tenants.tenants(), exports));
    }

    private static FlowbillJar.Outcome nightly(TestDatabase.Database db, Path exports) throws Exception {
        Map<String, String> variables = new LinkedHashMap<>(tenants.environment(Map.of(), 300));
        variables.put("FLOWBILL_EXPORT_DIR", exports.toString());
        variables.put("FLOWBILL_METERING_PARTITIONS", "4");
        variables.put("FLOWBILL_INVOICING_PARTITIONS", "2");
        return FlowbillJar.command("nightly", "--date", DAY).database(db).env(variables).start().finish(RUN_PATIENCE);
    }
}
