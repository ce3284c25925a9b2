package io.flowbill.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The images a sandbox starts with: public images (image type 1) and custom images (type 2), in the shape of the
 * API's own {@code GET /containers/images} answer, so a saved answer of a real cloud loads as it is:
 *
 * <pre>{@code
 * { "public_images": [ { "id": 20835, "name": "ubuntu", "tag": "16.04", "desc": "", "weight": 0,
 *                        "constraint": null } ],
 *   "custom_images": [ ... ] }
 * }</pre>
 *
 * <p>{@code id} (a positive integer, unique within its list), {@code name} and {@code tag} are required;
 * {@code desc} defaults to empty, {@code weight} to 0, {@code constraint} to none (else all four of
 * {@code min_combo}, {@code max_combo}, {@code min_machine_spec}, {@code max_machine_spec}). At least one public
 * image is required: the generated containers are made from the public images (and the first custom image).
 *
 * @param publicImages images of type 1, in catalog order
 * @param customImages images of type 2, in catalog order
 */
public record ImageCatalog(List<Images.Image> publicImages, List<Images.Image> customImages) {

    /** The default catalog, a resource of the sandbox. */
    static final String DEFAULT_RESOURCE = "/sandbox/images.json";

    public ImageCatalog {
        publicImages = List.copyOf(publicImages);
        customImages = List.copyOf(customImages);
        if (publicImages.isEmpty()) {
            throw new IllegalArgumentException("an image catalog needs at least one public image");
        }
    }

    /**
     * The default catalog: the sandbox's own images (ids 10005-10014 and custom 30202) and public image ids that
     * real clients create containers from (20835).
     */
    public static ImageCatalog defaults() {
        return Default.CATALOG;
    }

    /** Reads a catalog file; a bad file throws {@link IllegalArgumentException} naming the file, line and field. */
    public static ImageCatalog read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("image catalog " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("image catalog " + file + " cannot be read: " + e.getMessage());
        }
        return ImageCatalogReader.read(file.toString(), content);
    }

    /**
     * The image id of a generated container: {@code slot} >= 0 picks a public image (cycling through the catalog),
     * a negative slot the first custom image, or the first public image when there is none.
     */
    long generatedImageId(int slot) {
        if (slot < 0) {
            return customImages.isEmpty() ? publicImages.get(0).id() : customImages.get(0).id();
        }
        return publicImages.get(slot % publicImages.size()).id();
    }

    private static final class Default {
        static final ImageCatalog CATALOG = load();

        private static ImageCatalog load() {
            try (InputStream in = ImageCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                Objects.requireNonNull(in, "resource " + DEFAULT_RESOURCE);
                return ImageCatalogReader.read("classpath:" + DEFAULT_RESOURCE, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
