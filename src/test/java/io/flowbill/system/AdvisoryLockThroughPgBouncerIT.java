package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An {@link AdvisoryLock} excludes another process also behind PgBouncer in transaction pooling, where a client
 * holds a server connection only inside a transaction. A session-level lock taken outside one stays on a server
 * connection the pooler gives the next client, whose try then finds it "held" by itself: both would run the same day.
 */
class AdvisoryLockThroughPgBouncerIT {

    @Test
    void aLockHeldBehindPgBouncerExcludesAnotherClient() throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        try (PgBouncer bouncer = PgBouncer.transactionPooling(db, 2)) {
            TestDatabase.Database pooled = bouncer.through(db, "prepareThreshold=0");
            DataSource first = dataSource(pooled);
            DataSource second = dataSource(pooled);

            try (AdvisoryLock held = AdvisoryLock.on(first, "billing:acme:2026-11-20")) {
                assertThat(held.tryLock()).as("the first client takes billing:acme:2026-11-20").isTrue();
                try (AdvisoryLock other = AdvisoryLock.on(second, "billing:acme:2026-11-20")) {
                    assertThat(other.tryLock()).as("another client behind the same PgBouncer, while it is held")
                            .isFalse();
                }
            }

            try (AdvisoryLock again = AdvisoryLock.on(second, "billing:acme:2026-11-20")) {
                assertThat(again.tryLock()).as("another client once the first released it").isTrue();
            }
        }
    }

    private static DataSource dataSource(TestDatabase.Database db) {
        return new DriverManagerDataSource(db.url(), db.user(), db.password());
    }
}
