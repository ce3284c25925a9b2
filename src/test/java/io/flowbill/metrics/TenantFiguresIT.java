package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.flowbill.accounts.Account;
import io.flowbill.accounts.Accounts;
import io.flowbill.containerapi.ContainerApiProperties;
import io.flowbill.invoicing.DayFigureRows;
import io.flowbill.invoicing.DayFiguresQuery;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.Migrations;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestTenants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The per-tenant gauges against PostgreSQL: each tenant's billed day and day figures come from its own last day in
 * {@code billed_day}, an account never billed reports 0, {@code lifetime_unknown} exceptions of 0.00 h are not
 * counted, the observation time is the clock's, and the job times are per tenant from the job repository.
 * acme last billed 2026-11-20, globex 2026-11-18, initech never.
 */
class TenantFiguresIT {

    static final BillingZone ZONE = new BillingZone(ZoneId.of("Asia/Shanghai"));
    static final LocalDate ACME_DAY = LocalDate.parse("2026-11-20");
    static final LocalDate GLOBEX_DAY = LocalDate.parse("2026-11-18");
    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    static JdbcTemplate jdbc;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void database() throws Exception {
        TestDatabase.Database db = Migrations.apply(TestDatabase.fresh());
        DataSource source = new DriverManagerDataSource(db.url(), db.user(), db.password());
        jdbc = new JdbcTemplate(source);
        TestTenants.register(jdbc, "acme", "globex");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    insert into billed_day (tenant_id, charge_date, billed_at) values
                      ('acme', '2026-11-19', now()), ('acme', '2026-11-20', now()), ('globex', '2026-11-18', now())
                    """);
            // acme: 3 flow_unavailable, 1 lifetime_unknown with 1.25 h at risk, 2 of 0.00 h; 1 resolved
            statement.executeUpdate("""
                    insert into metering_exception (tenant_id, container_id, window_start, kind, raw_value, message,
                                                    run_id, resolved)
                    select 'acme', g, timestamptz '2026-11-20 00:00+08' + g * interval '1 hour', k, raw, 'm', 1, false
                      from (values (1, 'flow_unavailable', null), (2, 'flow_unavailable', null),
                                   (3, 'flow_unavailable', null), (4, 'lifetime_unknown', '1.25 h'),
                                   (5, 'lifetime_unknown', '0.00 h'), (6, 'lifetime_unknown', '0.00 h')) r(g, k, raw)
                    """);
            statement.executeUpdate("""
                    insert into metering_exception (tenant_id, container_id, window_start, kind, message, run_id,
                                                    resolved)
                    values ('acme', 7, timestamptz '2026-11-20 00:00+08', 'flow_unavailable', 'm', 1, true)
                    """);
        }
    }

    @Test
    void eachTenantsBilledDayAndFiguresComeFromItsOwnLastDayInBilledDay() {
        DayFiguresQuery figures = mock(DayFiguresQuery.class);
        when(figures.amounts(any())).thenReturn(List.of());
        when(figures.amounts(ACME_DAY)).thenReturn(List.of(amount("acme", "12.50"), amount("globex", "99.00")));
        when(figures.amounts(GLOBEX_DAY)).thenReturn(List.of(amount("acme", "1.00"), amount("globex", "7.25")));

        billing(figures).refresh();

        assertThat(gauge(BillingMetrics.DAY, "tenant", "acme", "day", "2026-11-20"))
                .as("acme's billed day: 2026-11-20 00:00 +08:00").isEqualTo(1_795_104_000.0);
        assertThat(gauge(BillingMetrics.DAY, "tenant", "globex", "day", "2026-11-18"))
                .as("globex's billed day: 2026-11-18 00:00 +08:00").isEqualTo(1_794_931_200.0);
        assertThat(gauge(BillingMetrics.DAY, "tenant", "initech", "day", "none")).as("initech, never billed").isZero();
        assertThat(gauge(BillingMetrics.AMOUNT, "tenant", "acme")).as("acme's amount of 2026-11-20").isEqualTo(12.50);
        assertThat(gauge(BillingMetrics.AMOUNT, "tenant", "globex")).as("globex's amount of 2026-11-18").isEqualTo(7.25);
        assertThat(registry.find(BillingMetrics.AMOUNT).tag("tenant", "initech").gauges()).as("initech's amounts")
                .isEmpty();
        assertThat(gauge(BillingMetrics.OBSERVED, "tenant", "initech")).as("observed at %s", NOW)
                .isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void lifetimeUnknownExceptionsWithNothingAtRiskAreNotCountedAsUnresolved() {
        billing(mock(DayFiguresQuery.class)).refresh();

        assertThat(gauge(BillingMetrics.UNRESOLVED, "tenant", "acme", "kind", "flow_unavailable"))
                .as("acme's unresolved flow_unavailable (3 open, 1 resolved)").isEqualTo(3);
        assertThat(gauge(BillingMetrics.UNRESOLVED, "tenant", "acme", "kind", "lifetime_unknown"))
                .as("acme's lifetime_unknown: 1.25 h counts, two of 0.00 h do not").isEqualTo(1);
        assertThat(gauge(BillingMetrics.UNRESOLVED, "tenant", "globex", "kind", "lifetime_unknown")).isZero();
    }

    @Test
    void theJobTimesArePerTenantAndEveryConfiguredAccountHasThemFromTheStart() {
        jdbc.update("""
                insert into batch_job_instance (job_instance_id, version, job_name, job_key) values (901, 0, 'meteringJob', 'k901')
                """);
        jdbc.update("""
                insert into batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
                                                 end_time, status, exit_code, last_updated)
                values (901, 0, 901, timestamp '2026-11-21 09:00', timestamp '2026-11-21 09:00',
                        timestamp '2026-11-21 09:01', 'FAILED', 'FAILED', timestamp '2026-11-21 09:01')
                """);
        jdbc.update("""
                insert into batch_job_execution_params (job_execution_id, parameter_name, parameter_type,
                                                        parameter_value, identifying)
                values (901, 'tenant', 'java.lang.String', 'globex', 'Y')
                """);
        JobRunGauges gauges = new JobRunGauges(jdbc, registry, List.of("meteringJob", "ratingJob"),
                List.of("acme", "globex"));

        gauges.refresh();

        double failed = java.sql.Timestamp.valueOf("2026-11-21 09:01:00").getTime() / 1000.0;
        assertThat(gauge(JobRunGauges.LAST_FAILURE, "job_name", "meteringJob", "tenant", "globex"))
                .as("globex's failed meteringJob").isEqualTo(failed);
        assertThat(gauge(JobRunGauges.LAST_FAILURE, "job_name", "meteringJob", "tenant", "acme"))
                .as("acme's meteringJob never failed").isZero();
        assertThat(gauge(JobRunGauges.LAST_SUCCESS, "job_name", "ratingJob", "tenant", "acme"))
                .as("acme's ratingJob never ran").isZero();
    }

    private BillingMetrics billing(DayFiguresQuery figures) {
        PriceBook book = mock(PriceBook.class);
        when(book.zone()).thenReturn(ZONE);
        Accounts accounts = new Accounts(List.of(account("acme"), account("globex"), account("initech")));
        return new BillingMetrics(figures, new TenantFacts(jdbc), book, accounts, registry,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    private static Account account(String tenant) {
        return new Account(tenant, ContainerApiProperties.defaults(URI.create("http://api.example")), null);
    }

    private static DayFigureRows.Amount amount(String tenant, String amount) {
        return new DayFigureRows.Amount(tenant, "compute", 2, Currency.getInstance("CNY").getCurrencyCode(),
                new BigDecimal(amount));
    }
}
