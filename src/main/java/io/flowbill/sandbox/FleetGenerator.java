package io.flowbill.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Generates a realistic fleet, deterministic for (size, seed): ids ascending with gaps, created over the
 * {@value #SPAN_DAYS} days before {@code now} in id order; about 35% package and 65% on-demand; small specs most
 * common; of on-demand ones about 20% private, and of public ones 60% by bandwidth (mostly up to 5 Mbps) and 40% by
 * traffic; mostly {@code create_succ} with some other statuses and about 0.5% statuses flowbill does not know.
 */
final class FleetGenerator {

    static final int SPAN_DAYS = 182;
    static final int[] SPECS = {1, 10, 20, 30, 40, 50};
    private static final int[] SPEC_WEIGHTS = {30, 30, 20, 10, 7, 3};
    static final String[] STATUSES = {Status.CREATE_SUCC, Status.RESTART_SUCC, Status.UPDATE_SUCC,
        Status.RESIZE_SUCC, Status.CREATING, Status.CREATE_FAIL, Status.CREATE_TIMEOUT, Status.UPDATE_ING,
        "update_fail", Status.DELETE_ING, Status.DELETE_FAIL, Status.MIGRATE_ING, Status.SUSPENDED};
    private static final int[] STATUS_PER_MILLE = {810, 60, 50, 30, 5, 15, 5, 5, 5, 5, 5, 3, 2};
    private static final int[] HIGH_BANDWIDTHS = {6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100};
    private static final int[] TRAFFIC_CAPS = {1, 2, 5, 10, 20, 50, 100};
    private static final int FIRST_ID = 10_000;
    /** Public-image slots a generated container draws from; {@link ImageCatalog#generatedImageId} maps them. */
    static final int IMAGE_SLOTS = 8;

    private FleetGenerator() {
    }

    static GeneratedFleet generate(int size, long seed, Instant now) {
        return generate(size, seed, now, ImageCatalog.defaults());
    }

    /** The fleet whose containers are made from the images of {@code images}. */
    static GeneratedFleet generate(int size, long seed, Instant now, ImageCatalog images) {
        if (size < 0) {
            throw new IllegalArgumentException("size cannot be negative: " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        GeneratedFleet.Builder fleet = new GeneratedFleet.Builder(size, seed, images);
        long end = now.getEpochSecond();
        long span = Duration.ofDays(SPAN_DAYS).toSeconds();
        long start = end - span;
        int id = FIRST_ID + random.nextInt(1000);
        for (int i = 0; i < size; i++) {
            id += random.nextInt(10) == 0 ? 2 + random.nextInt(20) : 1;
            long createdAt = start + (long) ((i + random.nextDouble()) * span / size);
            int charge = random.nextInt(100) < 35 ? 1 : 2;
            int network = 0;
            int bandwidth = 0;
            if (charge == 2 && random.nextInt(100) >= 20) {
                network = random.nextInt(100) < 60 ? 1 : 2;
                if (network == 1) {
                    bandwidth = random.nextInt(100) < 75 ? 1 + random.nextInt(5)
                            : HIGH_BANDWIDTHS[random.nextInt(HIGH_BANDWIDTHS.length)];
                } else if (random.nextBoolean()) {
                    bandwidth = TRAFFIC_CAPS[random.nextInt(TRAFFIC_CAPS.length)];
                }
            }
            int status = pick(STATUS_PER_MILLE, random.nextInt(1000));
            long age = end - createdAt;
            int provisioning = 20 + random.nextInt(100);
            long updated = switch (STATUSES[status]) {
                case Status.CREATING -> 0;
                case Status.CREATE_SUCC -> provisioning;
                case Status.CREATE_FAIL, Status.CREATE_TIMEOUT -> 60 + random.nextInt(540);
                default -> provisioning + 1 + random.nextLong(Math.max(1, age - provisioning));
            };
            int spec = pick(SPEC_WEIGHTS, random.nextInt(100));
            int image = random.nextInt(100) < 95 ? random.nextInt(IMAGE_SLOTS) : -1;
            fleet.add(id, createdAt, (int) updated, provisioning, charge, spec, network, bandwidth, status, image);
        }
        return fleet.build();
    }

    private static int pick(int[] weights, int roll) {
        int cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (roll < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
