package io.flowbill.invoicing;

import static io.flowbill.invoicing.IncrementalInvoiceIT.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.FlowbillApplication;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.EmptyApi;
import io.flowbill.system.TestDatabase;

/**
 * A new price version published for days already rated (docs/billing-rules.md, "Which price version"): May 2017 is
 * rated and refreshed day by day to the 25th under the bundled book; then flowbill starts again on the same database
 * with {@code pricing/late-version-book.yaml}, which adds a version from the 20th, and the 20th to the 25th are rated
 * again. The incremental draft equals the month recomputed from its daily rows ({@link MonthCheck}) after every day,
 * after every day rated again, and at the close.
 */
class NewPriceVersionInvoiceIT {

    static final YearMonth MAY = IncrementalInvoiceIT.MAY;
    static final String LATE_VERSION = "fengchao-2017-05-20";

    @Test
    void reratingDaysUnderANewPriceVersionKeepsTheDraftEqualToTheMonthRecomputed() throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        try (ConfigurableApplicationContext flowbill = start(db, "classpath:pricing/fengchao.yaml")) {
            IncrementalInvoiceIT.containers(flowbill.getBean(JdbcTemplate.class), flowbill.getBean(PriceBook.class),
                    MAY, IncrementalInvoiceIT.CONTAINERS);
            for (int d = 1; d <= 25; d++) {
                rateNewDay(flowbill, MAY.atDay(d));
            }
        }
        try (ConfigurableApplicationContext flowbill = start(db, "classpath:pricing/late-version-book.yaml")) {
            RatingService rating = flowbill.getBean(RatingService.class);
            for (int d = 20; d <= 25; d++) {
                assertThat(rating.rate(TENANT, MAY.atDay(d)).changed()).as("%s rated again under %s", MAY.atDay(d),
                        LATE_VERSION).isTrue();
                flowbill.getBean(InvoiceService.class).refreshFor(TENANT, MAY.atDay(d));
                assertEqualsRecomputation(flowbill, "after rating " + MAY.atDay(d) + " again under " + LATE_VERSION);
            }
            assertThat(flowbill.getBean(JdbcTemplate.class).queryForObject("select count(*) from invoice_line"
                    + " where price_version = ?", Integer.class, LATE_VERSION)).as("lines of %s", LATE_VERSION)
                    .isPositive();
            for (int d = 26; d <= MAY.lengthOfMonth(); d++) {
                rateNewDay(flowbill, MAY.atDay(d));
            }
            InvoiceState closed = flowbill.getBean(InvoiceService.class).close(TENANT, MAY);

            assertThat(closed.status()).isEqualTo(InvoiceStatus.FINAL);
            assertEqualsRecomputation(flowbill, "after the close");
        }
    }

    private static void rateNewDay(ConfigurableApplicationContext flowbill, LocalDate day) throws Exception {
        IncrementalInvoiceIT.usage(flowbill.getBean(JdbcTemplate.class), flowbill.getBean(PriceBook.class), day, 0,
                IncrementalInvoiceIT.CONTAINERS);
        flowbill.getBean(RatingService.class).rate(TENANT, day);
        flowbill.getBean(InvoiceService.class).refreshFor(TENANT, day);
        assertEqualsRecomputation(flowbill, "after rating " + day);
    }

    private static void assertEqualsRecomputation(ConfigurableApplicationContext flowbill, String when) {
        assertThat(flowbill.getBean(MonthCheck.class).differences(TENANT, MAY))
                .as("running sums and invoice against the month recomputed, %s", when).isEmpty();
    }

    private static ConfigurableApplicationContext start(TestDatabase.Database db, String priceBook) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--flowbill.pricing.price-book=" + priceBook));
        EmptyApi.register((name, value) -> args.add("--" + name + "=" + value.get()));
        return new SpringApplicationBuilder(FlowbillApplication.class).run(args.toArray(String[]::new));
    }
}
