package io.flowbill.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The image catalogue behind {@code GET /containers/images}: the public and custom images of an
 * {@link ImageCatalog}; the custom images grow when a container is saved as an image
 * ({@code POST /containers/{id}/tag}), with ids above every id of the catalog and above {@value #FIRST_CUSTOM_ID}.
 */
final class Images {

    /** One image; {@code constraint} is null for images without one. */
    record Image(String tag, String desc, int weight, long id, String name, Constraint constraint) {
    }

    /** Which packages and machine specs an image allows. */
    record Constraint(int minCombo, int maxCombo, int minMachineSpec, int maxMachineSpec) {
    }

    static final long FIRST_CUSTOM_ID = 30202;

    private final List<Image> publicImages;
    private final List<Image> custom;
    private final AtomicLong nextCustomId;

    Images(ImageCatalog catalog) {
        this.publicImages = catalog.publicImages();
        this.custom = new CopyOnWriteArrayList<>(catalog.customImages());
        long highest = Stream.concat(publicImages.stream(), custom.stream()).mapToLong(Image::id)
                .max().orElse(FIRST_CUSTOM_ID);
        this.nextCustomId = new AtomicLong(Math.max(highest, FIRST_CUSTOM_ID) + 1);
    }

    List<Image> publicImages() {
        return publicImages;
    }

    List<Image> customImages() {
        return List.copyOf(custom);
    }

    /** Whether an image of this type (1 public, 2 custom) and id exists. */
    boolean exists(int imageType, long imageId) {
        List<Image> images = imageType == 1 ? publicImages : custom;
        return images.stream().anyMatch(image -> image.id() == imageId);
    }

    /** Adds a custom image and answers its id. */
    long save(String repoName, String tag) {
        long id = nextCustomId.getAndIncrement();
        custom.add(new Image(tag, "", 0, id, repoName, null));
        return id;
    }
}
