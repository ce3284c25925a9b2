package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A price plan is refused on its first problem, with the file, line, plan version and key, and what to do. */
class PricePlanLoaderTest {

    private static final PriceBook BOOK = PriceBooks.parse(PriceBooks.SMALL);

    @TempDir
    Path dir;

    @Test
    void readsAPlansVersionsWithTheirPricesDiscountsAndCommitment() {
        PricePlan plan = PricePlanLoader.parse(PricePlans.ACME_MID_MONTH, "plan.yaml", BOOK);

        assertThat(plan.versions()).extracting(PlanVersion::name).containsExactly("acme-1", "acme-2");
        PlanVersion first = plan.versions().get(0);
        assertThat(first.prices().specs().get(20).onDemandPerHour()).isEqualByComparingTo("0.150");
        assertThat(first.prices().specs().get(20).packagePerMonth()).as("not negotiated").isNull();
        assertThat(first.prices().trafficOutPerGb()).isEqualByComparingTo("0.60");
        assertThat(first.itemDiscountPercent()).containsOnlyKeys(ChargeItem.BANDWIDTH);
        assertThat(first.billDiscountPercent()).isEqualByComparingTo("5");
        assertThat(first.commitmentPerMonth()).isEqualByComparingTo("100.00");
        PlanVersion second = plan.versions().get(1);
        assertThat(second.prices().trafficOutPerGb()).as("a version states the whole deal: nothing inherited").isNull();
        assertThat(second.billDiscountPercent()).isEqualByComparingTo("0");
    }

    @Test
    void refusesAnItemThatIsNotAnItem() {
        String plan = PricePlans.ACME.replace("{bandwidth: 10}", "{cpu: 10}");

        assertThatThrownBy(() -> PricePlanLoader.parse(plan, "acme.yaml", BOOK)).isInstanceOf(PriceBookException.class)
                .hasMessageStartingWith("price plan acme.yaml: line 8, version 'acme-1', key 'item-discount-percent.cpu'")
                .hasMessageContaining("not an item; items are [compute, bandwidth");
    }

    @Test
    void refusesAPercentageAboveOneHundred() {
        String plan = PricePlans.ACME.replace("bill-discount-percent: 5", "bill-discount-percent: 105");

        assertThatThrownBy(() -> PricePlanLoader.parse(plan, "acme.yaml", BOOK))
                .hasMessageStartingWith("price plan acme.yaml: line 9, version 'acme-1', key 'bill-discount-percent'")
                .hasMessageContaining("from 0 up to 100, was 105");
    }

    @Test
    void refusesASpecTheBookDoesNotPrice() {
        String plan = PricePlans.ACME.replace("\"20\": {on-demand-per-hour: 0.150}", "\"99\": {on-demand-per-hour: 1}");

        assertThatThrownBy(() -> PricePlanLoader.parse(plan, "acme.yaml", BOOK))
                .hasMessageStartingWith("price plan acme.yaml: line 6, version 'acme-1', key 'prices.specs.99'")
                .hasMessageContaining("not priced by price book version 'v2'")
                .hasMessageContaining("negotiate prices only for specs the book prices");
    }

    @Test
    void refusesANegativeCommitmentAndAnUnknownKey() {
        String negative = PricePlans.ACME.replace("commitment-per-month: 100.00", "commitment-per-month: -1");
        String unknown = PricePlans.ACME.replace("commitment-per-month: 100.00", "minimum: 100.00");

        assertThatThrownBy(() -> PricePlanLoader.parse(negative, "acme.yaml", BOOK))
                .hasMessageStartingWith("price plan acme.yaml: line 10, version 'acme-1', key 'commitment-per-month'")
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> PricePlanLoader.parse(unknown, "acme.yaml", BOOK))
                .hasMessageStartingWith("price plan acme.yaml: line 10, version 'acme-1', key 'minimum'")
                .hasMessageContaining("unknown key");
    }

    @Test
    void refusesVersionsOutOfOrder() {
        String plan = PricePlans.ACME_MID_MONTH.replace("2026-11-16T00:00:00+08:00", "2026-10-16T00:00:00+08:00");

        assertThatThrownBy(() -> PricePlanLoader.parse(plan, "acme.yaml", BOOK))
                .hasMessageStartingWith("price plan acme.yaml: line 12, version 'acme-2', key 'effective-from'")
                .hasMessageContaining("must be after the effective-from of the version before it, 'acme-1'");
    }

    @Test
    void checksAPlanWithItsBookAndListsItsVersions() throws Exception {
        Path book = Files.writeString(dir.resolve("book.yaml"), PriceBooks.SMALL);
        Path plan = Files.writeString(dir.resolve("acme.yaml"), PricePlans.ACME_MID_MONTH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = PriceBookCheck.run(book, plan, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as("err=%s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("price plan " + plan + ": 2 version(s)")
                .contains("acme-1  effective-from 2026-11-01T00:00+08:00  item-discount-percent [bandwidth=10]"
                        + "  bill-discount-percent 5  commitment-per-month 100.00")
                .contains("acme-2  effective-from 2026-11-16T00:00+08:00");
    }

    @Test
    void checkPrintsThePlansFirstProblemAndReturnsOne() throws Exception {
        Path book = Files.writeString(dir.resolve("book.yaml"), PriceBooks.SMALL);
        Path plan = Files.writeString(dir.resolve("acme.yaml"), PricePlans.ACME.replace("{bandwidth: 10}", "{cpu: 10}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = PriceBookCheck.run(book, plan, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("price plan " + plan + ": line 8, version 'acme-1',"
                + " key 'item-discount-percent.cpu'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
