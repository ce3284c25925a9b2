package io.flowbill.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The generated containers in compact columns (about 30 bytes each), ids ascending and creation instants
 * non-decreasing in the same order. Names and other strings are derived from (seed, id) on demand; a container's
 * history is built when asked for. Immutable once built.
 */
final class GeneratedFleet {

    private final long seed;
    private final ImageCatalog images;
    private final int[] ids;
    private final long[] createdAt;
    private final int[] updatedAfter;
    private final byte[] provisioning;
    private final byte[] chargeType;
    private final byte[] spec;
    private final byte[] network;
    private final byte[] bandwidth;
    private final byte[] status;
    private final byte[] image;

    private GeneratedFleet(Builder b) {
        this.seed = b.seed;
        this.images = b.images;
        this.ids = b.ids;
        this.createdAt = b.createdAt;
        this.updatedAfter = b.updatedAfter;
        this.provisioning = b.provisioning;
        this.chargeType = b.chargeType;
        this.spec = b.spec;
        this.network = b.network;
        this.bandwidth = b.bandwidth;
        this.status = b.status;
        this.image = b.image;
    }

    int size() {
        return ids.length;
    }

    long id(int index) {
        return ids[index];
    }

    long maxId() {
        return ids.length == 0 ? 0 : ids[ids.length - 1];
    }

    /** The index of a generated id, or -1. */
    int indexOf(long id) {
        if (id > Integer.MAX_VALUE || id < 0) {
            return -1;
        }
        int index = Arrays.binarySearch(ids, (int) id);
        return index >= 0 ? index : -1;
    }

    /** How many generated containers were created at or before {@code now}: they are a prefix. */
    int createdBy(Instant now) {
        long second = now.getEpochSecond();
        int low = 0;
        int high = createdAt.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (createdAt[mid] <= second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    ContainerHistory history(int index) {
        long id = ids[index];
        int charge = chargeType[index];
        int net = network[index];
        Attributes attributes = new Attributes(
                GeneratedNames.name(seed, id),
                GeneratedNames.desc(seed, id),
                charge,
                FleetGenerator.SPECS[spec[index]],
                (int) images.generatedImageId(image[index]),
                charge == 1 || net > 0 ? 1 : 0,
                net > 0 ? net : null,
                bandwidth[index] > 0 ? (int) bandwidth[index] : null,
                GeneratedNames.sshKeyIds(seed, id),
                GeneratedNames.envVar(seed, id));
        Instant created = Instant.ofEpochSecond(createdAt[index]);
        String last = FleetGenerator.STATUSES[status[index]];
        List<Version> versions = new ArrayList<>(3);
        versions.add(new Version(created, Status.CREATING, attributes));
        if (!Status.CREATING.equals(last)) {
            boolean settledAtCreation = Status.CREATE_SUCC.equals(last) || Status.neverRan(last);
            if (!settledAtCreation) {
                versions.add(new Version(created.plusSeconds(provisioning[index]), Status.CREATE_SUCC, attributes));
            }
            versions.add(new Version(created.plusSeconds(updatedAfter[index]), last, attributes));
        }
        return new ContainerHistory(id, index, versions);
    }

    /** Collects the columns while generating. */
    static final class Builder {
        private final long seed;
        private final ImageCatalog images;
        private final int[] ids;
        private final long[] createdAt;
        private final int[] updatedAfter;
        private final byte[] provisioning;
        private final byte[] chargeType;
        private final byte[] spec;
        private final byte[] network;
        private final byte[] bandwidth;
        private final byte[] status;
        private final byte[] image;
        private int next;

        Builder(int size, long seed, ImageCatalog images) {
            this.seed = seed;
            this.images = images;
            ids = new int[size];
            createdAt = new long[size];
            updatedAfter = new int[size];
            provisioning = new byte[size];
            chargeType = new byte[size];
            spec = new byte[size];
            network = new byte[size];
            bandwidth = new byte[size];
            status = new byte[size];
            image = new byte[size];
        }

        void add(int id, long created, int updated, int provisioningSeconds, int charge, int specIndex,
                int networkKind, int bandwidthMbps, int statusIndex, int imageIndex) {
            ids[next] = id;
            createdAt[next] = created;
            updatedAfter[next] = updated;
            provisioning[next] = (byte) provisioningSeconds;
            chargeType[next] = (byte) charge;
            spec[next] = (byte) specIndex;
            network[next] = (byte) networkKind;
            bandwidth[next] = (byte) bandwidthMbps;
            status[next] = (byte) statusIndex;
            image[next] = (byte) imageIndex;
            next++;
        }

        GeneratedFleet build() {
            if (next != ids.length) {
                throw new IllegalStateException("built " + next + " of " + ids.length + " containers");
            }
            return new GeneratedFleet(this);
        }
    }
}
