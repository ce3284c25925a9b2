package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FleetGeneratorTest {

    private static final Instant NOW = Sandboxes.NOW;
    private static List<Container> large;

    @BeforeAll
    static void generateLargeFleet() {
        large = fleet(20_000, 7, NOW).list();
    }

    @Test
    void sameSizeAndSeedGenerateTheSameFleet() {
        assertThat(fleet(2000, 99, NOW).list()).isEqualTo(fleet(2000, 99, NOW).list());
    }

    @Test
    void differentSeedsGenerateDifferentFleets() {
        assertThat(fleet(2000, 99, NOW).list()).isNotEqualTo(fleet(2000, 100, NOW).list());
    }

    @Test
    void idsAreStableForSizeAndSeedWhateverTheClock() {
        List<Long> today = ids(fleet(2000, 5, NOW));
        List<Long> nextMonth = ids(fleet(2000, 5, NOW.plus(Duration.ofDays(30))));

        assertThat(nextMonth).isEqualTo(today).doesNotHaveDuplicates();
    }

    @Test
    void aboutAThirdArePackagesAndNetworkChargingFollowsTheUsualMix() {
        List<Container> onDemand = only(c -> c.chargeType() == 2);
        List<Container> publicOnDemand = only(c -> c.chargeType() == 2 && c.usePublicNetwork() == 1);
        List<Container> byBandwidth = only(c -> c.chargeType() == 2 && Integer.valueOf(1).equals(c.networkChargeType()));

        assertThat(share(only(c -> c.chargeType() == 1), large)).isBetween(0.31, 0.39);
        assertThat(share(only(c -> c.chargeType() == 2 && c.usePublicNetwork() == 0), onDemand)).isBetween(0.16, 0.24);
        assertThat(share(byBandwidth, publicOnDemand)).isBetween(0.56, 0.64);
        List<Container> upToFive = only(c -> c.chargeType() == 2 && Integer.valueOf(1).equals(c.networkChargeType())
                && c.bandwidth() <= 5);
        assertThat(share(upToFive, byBandwidth)).isBetween(0.7, 0.8);
        assertThat(byBandwidth).anySatisfy(c -> assertThat(c.bandwidth()).isBetween(6, 100));
    }

    @Test
    void packageAndPrivateContainersCarryNoNetworkFields() {
        assertThat(only(c -> c.chargeType() == 1)).allSatisfy(c -> {
            assertThat(c.usePublicNetwork()).isEqualTo(1);
            assertThat(c.networkChargeType()).isNull();
            assertThat(c.bandwidth()).isNull();
        });
        assertThat(only(c -> c.usePublicNetwork() == 0)).allSatisfy(c -> assertThat(c.networkChargeType()).isNull());
    }

    @Test
    void smallSpecsAreMostCommon() {
        assertThat(share(only(c -> c.specId() <= 10), large)).isBetween(0.55, 0.65);
        assertThat(share(only(c -> c.specId() == 50), large)).isBetween(0.01, 0.05);
        assertThat(large).extracting(Container::specId).containsOnly(1, 10, 20, 30, 40, 50);
    }

    @Test
    void mostContainersAreCreatedWithSomeInOtherAndUnknownStatuses() {
        Set<String> known = Set.of("create_succ", "restart_succ", "update_succ", "resize_succ", "creating",
                "create_fail", "create_timeout", "update_ing", "update_fail", "delete_ing", "delete_fail");

        assertThat(share(only(c -> c.status().equals("create_succ")), large)).isBetween(0.77, 0.85);
        assertThat(share(only(c -> !known.contains(c.status())), large)).isBetween(0.002, 0.01);
        assertThat(large).extracting(Container::status).containsAll(known).contains("migrate_ing", "suspended");
    }

    @Test
    void createdAtSpreadsOverTheSixMonthsBeforeNow() {
        Instant sixMonthsAgo = NOW.minus(Duration.ofDays(183));

        assertThat(large).allSatisfy(c -> assertThat(c.createdAt()).isBetween(sixMonthsAgo, NOW));
        assertThat(share(only(c -> c.createdAt().isBefore(NOW.minus(Duration.ofDays(150)))), large))
                .isBetween(0.12, 0.22);
        assertThat(share(only(c -> c.createdAt().isAfter(NOW.minus(Duration.ofDays(30)))), large))
                .isBetween(0.12, 0.22);
        assertThat(large).allSatisfy(c -> assertThat(c.updatedAt()).isAfterOrEqualTo(c.createdAt()));
    }

    @Test
    void namesAreUniqueAndSomeHaveCharactersThatMatterForCsv() {
        Set<String> names = new HashSet<>();
        large.forEach(c -> names.add(c.name()));

        assertThat(names).hasSize(large.size());
        assertThat(only(c -> c.name().contains(","))).isNotEmpty();
        assertThat(only(c -> c.name().contains("\""))).isNotEmpty();
        for (String start : List.of("=", "+", "-", "@")) {
            assertThat(only(c -> c.name().startsWith(start))).as("start='%s'", start).isNotEmpty();
        }
        assertThat(only(c -> c.name().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
                == Character.UnicodeScript.HAN))).isNotEmpty();
    }

    @Test
    void generatesAHundredThousandContainersQuickly() {
        long started = System.nanoTime();
        GeneratedFleet fleet = FleetGenerator.generate(100_000, 1, NOW);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("generated %,d containers in %d ms%n", fleet.size(), millis);

        assertThat(fleet.size()).isEqualTo(100_000);
        for (int i = 1; i < fleet.size(); i++) {
            assertThat(fleet.id(i)).isGreaterThan(fleet.id(i - 1));
        }
    }

    private static Fleet fleet(int size, long seed, Instant now) {
        return new Fleet(FleetGenerator.generate(size, seed, now), SandboxClock.fixed(now), new Images(ImageCatalog.defaults()),
                Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    private static List<Long> ids(Fleet fleet) {
        return fleet.list().stream().map(Container::id).toList();
    }

    private static List<Container> only(Predicate<Container> filter) {
        return large.stream().filter(filter).toList();
    }

    private static double share(List<Container> part, List<Container> whole) {
        return (double) part.size() / whole.size();
    }
}
