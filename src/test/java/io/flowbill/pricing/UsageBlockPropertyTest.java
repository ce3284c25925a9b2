package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Blocks of alike hours (as the store sums them) rate exactly like the hours one by one: the same lines, to the
 * digit, for generated days with few attribute changes, across the 2017-05-10 price change.
 */
class UsageBlockPropertyTest {

    private static final long SEED = 20261126L;
    private static final int DAYS = 400;
    private static final PriceBook BOOK = PriceBooks.bundled();

    @Test
    void blocksOfAlikeHoursRateToTheLinesOfTheirHours() {
        Random random = new Random(SEED);
        int blocksOfSeveralHours = 0;
        for (int day = 0; day < DAYS; day++) {
            List<UsageHour> hours = randomDay(random, day);
            List<UsageBlock> blocks = blocksOf(hours);
            blocksOfSeveralHours += (int) blocks.stream().filter(block -> block.hours() > 1).count();

            assertThat(new DailyRating(BOOK).rateBlocks(blocks))
                    .as("lines of %d blocks vs of their %d hours, seed=%d, day #%d", blocks.size(), hours.size(), SEED, day)
                    .isEqualTo(new DailyRating(BOOK).rate(hours));
            assertThat(new PackageDays(BOOK).tally(blocks))
                    .as("package days of blocks vs of hours, seed=%d, day #%d", SEED, day)
                    .isEqualTo(new PackageDays(BOOK).tally(hours.stream().map(UsageBlock::of).toList()));
        }
        assertThat(blocksOfSeveralHours).as("the generator makes blocks of several hours").isGreaterThan(DAYS);
    }

    @Test
    void refusesABlockThatSpansAPriceChange() {
        UsageHour first = UsageHours.onDemand(10).container("acme", 1).hour("2017-05-09T22:00", 3600);
        UsageBlock acrossTheChange = new UsageBlock(first, first.windowStart().plusSeconds(4 * 3600), 5);

        assertThatThrownBy(() -> new DailyRating(BOOK).rateBlocks(List.of(acrossTheChange)))
                .hasMessageContaining("span a price change or a day");
    }

    @Test
    void refusesMoreHoursThanABlockSpans() {
        UsageHour first = UsageHours.onDemand(10).container("acme", 1).hour("2017-06-01T00:00", 3600);

        assertThatThrownBy(() -> new UsageBlock(first, first.windowStart().plusSeconds(3600), 3))
                .hasMessageContaining("3 hours of container 1 cannot lie between");
    }

    /** The hours grouped as the store groups them: by price version and everything rating reads but traffic. */
    static List<UsageBlock> blocksOf(List<UsageHour> hours) {
        Map<List<Object>, List<UsageHour>> groups = new LinkedHashMap<>();
        for (UsageHour hour : hours) {
            List<Object> key = Arrays.asList(BOOK.versionAt(hour.windowStart()).name(), hour.activeSeconds(),
                    hour.billable(), hour.chargeType(), hour.specId(), hour.usePublicNetwork(),
                    hour.networkChargeType(), hour.bandwidthMbps());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(hour);
        }
        List<UsageBlock> blocks = new ArrayList<>();
        for (List<UsageHour> group : groups.values()) {
            UsageHour first = group.get(0);
            blocks.add(new UsageBlock(new UsageHour(first.tenant(), first.containerId(), first.windowStart(),
                    first.activeSeconds(), first.billable(), first.chargeType(), first.specId(),
                    first.usePublicNetwork(), first.networkChargeType(), first.bandwidthMbps(),
                    sum(group, UsageHour::upMb), sum(group, UsageHour::downMb)),
                    group.get(group.size() - 1).windowStart(), group.size()));
        }
        return blocks;
    }

    private static BigDecimal sum(List<UsageHour> hours, Function<UsageHour, BigDecimal> traffic) {
        return hours.stream().map(traffic).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
    }

    /** One container's day with two alike-hour shapes, sometimes straddling 2017-05-10; traffic differs by hour. */
    private static List<UsageHour> randomDay(Random random, int day) {
        LocalDate date = LocalDate.of(2017, 5, 1).plusDays(random.nextInt(60));
        Instant start = date.atStartOfDay(UsageHours.SHANGHAI).toInstant();
        ChargeType chargeType = random.nextInt(3) == 0 ? ChargeType.PACKAGE : ChargeType.ON_DEMAND;
        int spec = PriceVersion.REQUIRED_SPEC_IDS.get(random.nextInt(6));
        int[] bandwidth = { random.nextInt(12), random.nextInt(12) };
        NetworkChargeType network = random.nextBoolean() ? NetworkChargeType.BANDWIDTH : NetworkChargeType.TRAFFIC;
        int change = random.nextInt(25);
        List<UsageHour> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            int shape = h < change ? 0 : 1;
            int active = random.nextInt(10) == 0 ? random.nextInt(3601) : 3600;
            hours.add(new UsageHour("tenant-" + (day % 3), day, start.plusSeconds(3600L * h), active,
                    random.nextInt(20) != 0, chargeType, spec, shape == 0 || random.nextInt(4) != 0, network,
                    bandwidth[shape], megabytes(random), megabytes(random)));
        }
        return hours;
    }

    private static BigDecimal megabytes(Random random) {
        return random.nextInt(12) == 0 ? null : BigDecimal.valueOf(random.nextInt(5_000_000), random.nextInt(4));
    }
}
