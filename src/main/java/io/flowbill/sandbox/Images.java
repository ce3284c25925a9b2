package io.flowbill.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The image catalogue behind {@code GET /containers/images}: fixed public images and custom images, which grow when a
 * container is saved as an image ({@code POST /containers/{id}/tag}).
 */
final class Images {

    /** One image; {@code constraint} is null for images without one. */
    record Image(String tag, String desc, int weight, long id, String name, Constraint constraint) {
    }

    /** Which packages and machine specs an image allows. */
    record Constraint(int minCombo, int maxCombo, int minMachineSpec, int maxMachineSpec) {
    }

    static final List<Image> PUBLIC = List.of(
            new Image("latest", "", 3, 10005, "centos", new Constraint(20, 50, 10, 40)),
            new Image("16.04", "", 3, 10006, "ubuntu", null),
            new Image("8", "", 2, 10007, "debian", null),
            new Image("1.10", "official nginx", 2, 10010, "nginx", null),
            new Image("5.7", "", 1, 10011, "mysql", new Constraint(10, 50, 10, 50)),
            new Image("3.2", "", 1, 10012, "redis", null),
            new Image("8.5", "", 1, 10013, "tomcat", null),
            new Image("6", "", 1, 10014, "nodejs", null));
    static final long FIRST_CUSTOM_ID = 30202;

    private final List<Image> custom = new CopyOnWriteArrayList<>(
            List.of(new Image("v1", "v1", 0, FIRST_CUSTOM_ID, "4638_tomcat2", null)));
    private final AtomicLong nextCustomId = new AtomicLong(FIRST_CUSTOM_ID + 1);

    List<Image> publicImages() {
        return PUBLIC;
    }

    List<Image> customImages() {
        return List.copyOf(custom);
    }

    /** Whether an image of this type (1 public, 2 custom) and id exists. */
    boolean exists(int imageType, long imageId) {
        List<Image> images = imageType == 1 ? PUBLIC : custom;
        return images.stream().anyMatch(image -> image.id() == imageId);
    }

    /** Adds a custom image and answers its id. */
    long save(String repoName, String tag) {
        long id = nextCustomId.getAndIncrement();
        custom.add(new Image(tag, "", 0, id, repoName, null));
        return id;
    }
}
