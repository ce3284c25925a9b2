package io.flowbill.sandbox;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The list changing under a paging client: before a page with offset > 0, some containers before the page vanish
 * (shifting later ones to lower positions, so a naive client skips them) and new ones appear at the end.
 */
final class ListChurn {

    private static final int[] SPECS = {1, 10, 20};

    private final Fleet fleet;
    private final Random random;
    private final AtomicLong sequence = new AtomicLong();

    ListChurn(Fleet fleet, Random random) {
        this.fleet = fleet;
        this.random = random;
    }

    void betweenPages(int count, int offset) {
        for (int i = 0; i < count; i++) {
            List<Container> one = fleet.page(random.nextInt(offset), 1).containers();
            if (!one.isEmpty()) {
                try {
                    fleet.removeNow(one.get(0).id());
                } catch (SandboxApiException alreadyGoing) {
                    // a container being deleted anyway: the list changes regardless
                }
            }
            String name = "churn-" + sequence.incrementAndGet() + "-" + Long.toHexString(random.nextLong());
            fleet.create(ContainerRequest.onDemandByTraffic(name, SPECS[random.nextInt(SPECS.length)]));
        }
    }
}
