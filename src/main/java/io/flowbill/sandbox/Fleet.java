package io.flowbill.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's containers: the generated fleet plus everything changed since, as of the {@link SandboxClock}.
 * Direct changes follow the same rules as the API (and throw the same {@link SandboxApiException}s).
 *
 * <p>Lifecycle: create shows {@code creating} for the provisioning time, then {@code create_succ}; modify shows
 * {@code update_succ}; restart {@code restart_succ}; delete shows {@code delete_ing} for the deletion time, after
 * which the container is gone (absent from the list, 404 everywhere). Changing a container that is being deleted
 * answers 404. Change instants are whole seconds, as the API prints them. Thread-safe: reads take no lock.
 */
public final class Fleet {

    private final GeneratedFleet generated;
    private final SandboxClock clock;
    private final Images images;
    private final Duration provisioningTime;
    private final Duration deletionTime;
    private final ConcurrentSkipListMap<Long, ContainerHistory> changed = new ConcurrentSkipListMap<>();
    private final Map<String, Long> createdNames = new ConcurrentHashMap<>();
    private final AtomicLong nextId;
    private final Object writeLock = new Object();

    Fleet(GeneratedFleet generated, SandboxClock clock, Images images, Duration provisioningTime,
            Duration deletionTime) {
        this.generated = generated;
        this.clock = clock;
        this.images = images;
        this.provisioningTime = provisioningTime;
        this.deletionTime = deletionTime;
        this.nextId = new AtomicLong(Math.max(generated.maxId(), 9_999) + 1);
    }

    /** How many containers exist now. */
    public int size() {
        return page(0, 1).total();
    }

    /** All containers that exist now, in id order. */
    public List<Container> list() {
        return page(0, Integer.MAX_VALUE).containers();
    }

    /** The containers at positions [offset, offset + limit) of the id-ordered list, with the total. */
    public ContainerPage page(int offset, int limit) {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and limit > 0: " + offset + ", " + limit);
        }
        // one consistent view of the changed containers: another request may change them while this page is built
        return FleetPaging.page(generated, new java.util.TreeMap<>(changed), clock.instant(), offset, limit);
    }

    /** The container as it is now, if it exists. */
    public Optional<Container> get(long id) {
        return snapshot(id, clock.instant());
    }

    /** The container as it was (or will be, as far as scheduled) at {@code at}, if it existed then. */
    public Optional<Container> snapshot(long id, Instant at) {
        ContainerHistory history = history(id);
        return Optional.ofNullable(history == null ? null : history.snapshot(at));
    }

    /** Creates a container and answers its id. */
    public long create(ContainerRequest request) {
        synchronized (writeLock) {
            Instant now = changeInstant();
            if (!images.exists(request.imageType(), request.imageId())) {
                throw SandboxApiException.invalid("no image " + request.imageId() + " of type " + request.imageType());
            }
            if (nameTaken(request.name(), now)) {
                throw new SandboxApiException(ApiError.DUPLICATE_CONTAINER_NAME, request.name());
            }
            long id = nextId.getAndIncrement();
            Version first = new Version(now, Status.CREATING, request.toAttributes());
            List<Version> versions = provisioningTime.isZero()
                    ? List.of(first.with(now, Status.CREATE_SUCC))
                    : List.of(first, first.with(now.plus(provisioningTime), Status.CREATE_SUCC));
            changed.put(id, new ContainerHistory(id, -1, versions));
            createdNames.put(request.name(), id);
            return id;
        }
    }

    /** Modifies charge type, description or network charging. */
    public void modify(long id, ContainerChange change) {
        synchronized (writeLock) {
            Instant now = changeInstant();
            Version current = changeable(id, now);
            Attributes next = change.applyTo(current.attributes());
            changed.put(id, history(id).then(now, List.of(new Version(now, Status.UPDATE_SUCC, next))));
        }
    }

    /** Restarts a container. */
    public void restart(long id) {
        transition(id, Status.RESTART_SUCC);
    }

    /** Starts deleting a container: {@code delete_ing} for the deletion time, then gone. */
    public void delete(long id) {
        synchronized (writeLock) {
            Instant now = changeInstant();
            Version current = changeable(id, now);
            List<Version> next = deletionTime.isZero()
                    ? List.of(current.with(now, Status.GONE))
                    : List.of(current.with(now, Status.DELETE_ING), current.with(now.plus(deletionTime), Status.GONE));
            changed.put(id, history(id).then(now, next));
        }
    }

    /** Removes a container at once, without a deletion phase (list churn). */
    void removeNow(long id) {
        transition(id, Status.GONE);
    }

    /** Checks that a container can be saved as an image and saves it; answers the new image id. */
    long saveAsImage(long id, String repoName, String tag) {
        synchronized (writeLock) {
            changeable(id, changeInstant());
            return images.save(repoName, tag);
        }
    }

    /** The history of a container that ever existed, or null. */
    ContainerHistory history(long id) {
        ContainerHistory history = changed.get(id);
        if (history != null) {
            return history;
        }
        int index = generated.indexOf(id);
        return index < 0 ? null : generated.history(index);
    }

    private void transition(long id, String status) {
        synchronized (writeLock) {
            Instant now = changeInstant();
            Version current = changeable(id, now);
            changed.put(id, history(id).then(now, List.of(current.with(now, status))));
        }
    }

    private Version changeable(long id, Instant now) {
        ContainerHistory history = history(id);
        Version current = history == null ? null : history.at(now);
        if (current == null || Status.GONE.equals(current.status()) || Status.DELETE_ING.equals(current.status())) {
            throw SandboxApiException.noSuchContainer(id);
        }
        return current;
    }

    private boolean nameTaken(String name, Instant now) {
        Long createdId = createdNames.get(name);
        if (createdId != null && history(createdId).visibleAt(now)) {
            return true;
        }
        for (long candidate : GeneratedNames.candidateIds(name)) {
            int index = generated.indexOf(candidate);
            if (index >= 0) {
                ContainerHistory history = history(candidate);
                Version version = history.at(now);
                if (history.visibleAt(now) && version.attributes().name().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Instant changeInstant() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
