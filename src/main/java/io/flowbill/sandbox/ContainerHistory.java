package io.flowbill.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a container ever was: versions with the instants they took effect, so what the API shows is derived
 * from the clock (a container created at t is {@code creating} until t + provisioning time, then
 * {@code create_succ}). Immutable; a change makes a new history.
 */
final class ContainerHistory {

    private final long id;
    private final int generatedIndex;
    private final Instant createdAt;
    private final List<Version> versions;

    ContainerHistory(long id, int generatedIndex, List<Version> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a history needs a first version");
        }
        this.id = id;
        this.generatedIndex = generatedIndex;
        this.versions = List.copyOf(versions);
        this.createdAt = this.versions.get(0).effectiveAt();
    }

    long id() {
        return id;
    }

    /** The index in the generated fleet, or -1 for a container created later. */
    int generatedIndex() {
        return generatedIndex;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<Version> versions() {
        return versions;
    }

    /** The version in effect at {@code t}, or null before creation. */
    Version at(Instant t) {
        Version found = null;
        for (Version version : versions) {
            if (version.effectiveAt().isAfter(t)) {
                break;
            }
            found = version;
        }
        return found;
    }

    boolean visibleAt(Instant t) {
        Version version = at(t);
        return version != null && !Status.GONE.equals(version.status());
    }

    /** The container as the API shows it at {@code t}, or null if it does not exist then. */
    Container snapshot(Instant t) {
        Version version = at(t);
        if (version == null || Status.GONE.equals(version.status())) {
            return null;
        }
        Attributes a = version.attributes();
        boolean addressed = Status.hasAddresses(version.status());
        String publicIp = addressed && a.usePublicNetwork() == 1
                ? "59.111." + ((id >> 8) & 255) + "." + (id & 255) : null;
        String privateIp = addressed ? "10." + ((id >> 16) & 255) + "." + ((id >> 8) & 255) + "." + (id & 255) : null;
        return new Container(id, a.name(), a.desc(), version.status(), a.bandwidth(), 1, a.chargeType(),
                a.specId(), createdAt, version.effectiveAt(), publicIp, privateIp, a.sshKeyIds(),
                a.networkChargeType(), a.imageId(), a.usePublicNetwork(), a.envVar());
    }

    /**
     * The weighted milliseconds ({@link DailyRhythm}) in [fromMs, toMs) during which the container was running:
     * past creation and before its deletion began.
     */
    long runningWeightedMillis(long fromMs, long toMs) {
        long total = 0;
        for (int i = 0; i < versions.size(); i++) {
            Version version = versions.get(i);
            if (!Status.hasAddresses(version.status()) || Status.endsTraffic(version.status())) {
                continue;
            }
            long start = Math.max(fromMs, version.effectiveAt().toEpochMilli());
            long end = i + 1 < versions.size() ? Math.min(toMs, versions.get(i + 1).effectiveAt().toEpochMilli()) : toMs;
            if (start < end) {
                total = Math.addExact(total, DailyRhythm.weightedMillis(start, end));
            }
        }
        return total;
    }

    /** This history with the versions after {@code at} cancelled and {@code next} appended. */
    ContainerHistory then(Instant at, List<Version> next) {
        List<Version> kept = new ArrayList<>(versions.size() + next.size());
        for (Version version : versions) {
            if (!version.effectiveAt().isAfter(at)) {
                kept.add(version);
            }
        }
        kept.addAll(next);
        return new ContainerHistory(id, generatedIndex, kept);
    }
}
