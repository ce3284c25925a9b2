package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Many generated usage days: every line satisfies its equation as printed, whatever the usage. */
class ChargeLinePropertyTest {

    private static final long SEED = 20170510L;
    private static final int DAYS = 400;
    private static final List<Integer> SPECS = PriceVersion.REQUIRED_SPEC_IDS;

    private final List<PriceBook> books = List.of(PriceBooks.bundled(),
            PriceBooks.parse(PriceBooks.smallWithLine(6, "    hour-rounding: EXACT")),
            PriceBooks.parse(PriceBooks.smallWithLine(19, "    traffic-in-per-gb: 0.137")));

    @Test
    void everyLineHasAQuantityOfScaleNineAndAnAmountRoundedFromIt() {
        Random random = new Random(SEED);
        int lineCount = 0;
        for (int day = 0; day < DAYS; day++) {
            PriceBook book = books.get(random.nextInt(books.size()));
            List<UsageHour> hours = randomDay(random, day);

            List<ChargeLine> lines = new DailyRating(book).rate(hours);

            Set<List<Object>> keys = new HashSet<>();
            for (ChargeLine line : lines) {
                String context = String.format("seed=%d, day #%d, container='%s', date='%s', item='%s', tier=%s",
                        SEED, day, line.containerId(), line.date(), line.item().code(), line.tier());
                assertThat(line.quantity().scale()).as("quantity scale, %s", context).isEqualTo(9);
                assertThat(line.amount()).as("amount = round(%s x %s, 2, HALF_UP), %s", line.quantity(),
                        line.unitPrice(), context)
                        .isEqualTo(line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP));
                assertThat(keys.add(List.of(line.date(), line.item(), String.valueOf(line.tier()),
                        line.priceVersion()))).as("one line per key, %s", context).isTrue();
            }
            lineCount += lines.size();
        }
        assertThat(lineCount).as("the generator produces lines").isGreaterThan(DAYS);
    }

    /** One container's day, sometimes straddling 2017-05-10 (a version change) or with attribute changes. */
    private static List<UsageHour> randomDay(Random random, int day) {
        LocalDate date = LocalDate.of(2017, 5, 1).plusDays(random.nextInt(60));
        Instant start = date.atStartOfDay(UsageHours.SHANGHAI).toInstant();
        ChargeType chargeType = random.nextInt(4) == 0 ? ChargeType.PACKAGE : ChargeType.ON_DEMAND;
        int spec = SPECS.get(random.nextInt(SPECS.size()));
        List<UsageHour> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (random.nextInt(8) == 0) {
                continue;
            }
            boolean publicNetwork = random.nextInt(5) != 0;
            NetworkChargeType network = random.nextBoolean() ? NetworkChargeType.BANDWIDTH : NetworkChargeType.TRAFFIC;
            hours.add(new UsageHour("tenant-" + (day % 3), day, start.plusSeconds(3600L * h), activeSeconds(random),
                    random.nextInt(10) != 0, chargeType, spec, publicNetwork, network, random.nextInt(101),
                    megabytes(random), megabytes(random)));
        }
        return hours;
    }

    private static int activeSeconds(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(3601);
            default -> 3600;
        };
    }

    private static BigDecimal megabytes(Random random) {
        return random.nextInt(12) == 0 ? null : BigDecimal.valueOf(random.nextInt(5_000_000), random.nextInt(4));
    }
}
