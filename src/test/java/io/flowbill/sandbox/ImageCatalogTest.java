package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageCatalogTest {

    /** Two public images, one custom; {@code %s} on line 4 is replaced by a broken entry in the bad-file tests. */
    static final String SMALL_CATALOG = """
            {
              "public_images": [
                { "id": 20835, "name": "ubuntu", "tag": "14.04" },
                %s
              ],
              "custom_images": [ { "id": 41000, "name": "team/app", "tag": "v3", "desc": "ours", "weight": 0,
                                   "constraint": null } ]
            }
            """;
    static final String SECOND_PUBLIC = """
            { "id": 20836, "name": "centos7", "tag": "7", "desc": "", "weight": 2,
              "constraint": { "min_combo": 10, "max_combo": 20, "min_machine_spec": 1, "max_machine_spec": 10 } }""";

    @TempDir
    Path dir;

    @Test
    void defaultCatalogHoldsTheSandboxImagesAndThePublicImage20835() {
        ImageCatalog catalog = ImageCatalog.defaults();

        assertThat(catalog.publicImages()).extracting(Images.Image::id)
                .containsExactly(10005L, 10006L, 10007L, 10010L, 10011L, 10012L, 10013L, 10014L, 20835L);
        assertThat(catalog.publicImages().get(0).constraint()).isEqualTo(new Images.Constraint(20, 50, 10, 40));
        assertThat(catalog.customImages()).extracting(Images.Image::id).containsExactly(30202L);
    }

    @Test
    void readsAFileShapedLikeTheImagesAnswer() throws IOException {
        ImageCatalog catalog = ImageCatalog.read(write(SMALL_CATALOG.formatted(SECOND_PUBLIC)));

        assertThat(catalog.publicImages()).containsExactly(
                new Images.Image("14.04", "", 0, 20835, "ubuntu", null),
                new Images.Image("7", "", 2, 20836, "centos7", new Images.Constraint(10, 20, 1, 10)));
        assertThat(catalog.customImages()).containsExactly(new Images.Image("v3", "ours", 0, 41000, "team/app", null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ \"name\": \"x\", \"tag\": \"1\" }|line 4, public_images[1]: field 'id' is required",
        "{ \"id\": \"7\", \"name\": \"x\", \"tag\": \"1\" }|line 4, public_images[1]: field 'id' must be a positive integer",
        "{ \"id\": -3, \"name\": \"x\", \"tag\": \"1\" }|line 4, public_images[1]: field 'id' must be a positive integer",
        "{ \"id\": 20835, \"name\": \"x\", \"tag\": \"1\" }|line 4, public_images[1]: field 'id' repeats image id 20835",
        "{ \"id\": 9, \"tag\": \"1\" }|line 4, public_images[1]: field 'name' is required",
        "{ \"id\": 9, \"name\": \"x\", \"tag\": \" \" }|line 4, public_images[1]: field 'tag' must be a non-blank string",
        "{ \"id\": 9, \"name\": \"x\", \"tag\": \"1\", \"weigth\": 1 }|line 4, public_images[1]: unknown field 'weigth'",
        "{ \"id\": 9, \"name\": \"x\", \"tag\": \"1\", \"constraint\": { \"min_combo\": 1 } }"
            + "|line 4, public_images[1]: field 'constraint.max_combo' is required",
        "{ \"id\": 9, \"name\": \"x\" \"tag\": \"1\" }|is not valid JSON",
        "{ \"id\": 9, \"name\": \"x\", \"tag\": \"1\" }, 5|line 4, public_images[2]: an image must be a JSON object"})
    void badEntryIsRefusedNamingTheFileTheLineAndTheField(String entry, String expected) throws IOException {
        Path file = write(SMALL_CATALOG.formatted(entry));

        assertThatThrownBy(() -> ImageCatalog.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("image catalog " + file)
                .hasMessageContaining(expected);
    }

    @Test
    void catalogWithoutPublicImagesIsRefused() throws IOException {
        Path file = write("{ \"custom_images\": [] }");

        assertThatThrownBy(() -> ImageCatalog.read(file))
                .hasMessage("image catalog " + file
                        + ": public_images is missing or empty; at least one public image is required");
    }

    @Test
    void missingFileIsRefusedNamingIt() {
        Path file = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> ImageCatalog.read(file)).hasMessage("image catalog " + file + " does not exist");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("images.json"), content);
    }
}
