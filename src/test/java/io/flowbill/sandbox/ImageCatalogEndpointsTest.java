package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.sandbox.SandboxHttp.Reply;

class ImageCatalogEndpointsTest {

    @TempDir
    Path dir;

    @Test
    void createFromPublicImage20835SucceedsWithTheDefaultCatalog() {
        try (SandboxServer sandbox = SandboxServer.start(Sandboxes.smallFleet())) {
            Reply reply = new SandboxHttp(sandbox).post("/api/v1/containers", create("sdk-test", 1, 20835));

            assertThat(reply.status()).as("create from image 20835: %s", reply).isEqualTo(201);
            long id = reply.json().get("id").longValue();
            assertThat(sandbox.fleet().get(id)).hasValueSatisfying(c -> assertThat(c.imageId()).isEqualTo(20835));
        }
    }

    @Test
    void imagesOptionServesExactlyTheFileImages() throws IOException {
        Path file = Files.writeString(dir.resolve("images.json"),
                ImageCatalogTest.SMALL_CATALOG.formatted(ImageCatalogTest.SECOND_PUBLIC));
        SandboxConfig config = SandboxOptions.parse(new String[] {"--port", "0", "--containers", "200",
            "--images", file.toString()}, SandboxMain.standaloneDefaults());

        try (SandboxServer sandbox = SandboxServer.start(config)) {
            SandboxHttp http = new SandboxHttp(sandbox);
            Reply images = http.get("/api/v1/containers/images");

            assertThat(images.json()).isEqualTo(SandboxHttp.JSON.readTree("""
                    { "custom_images": [ { "tag": "v3", "desc": "ours", "weight": 0, "id": 41000,
                                           "name": "team/app", "constraint": null } ],
                      "public_images": [ { "tag": "14.04", "desc": "", "weight": 0, "id": 20835, "name": "ubuntu",
                                           "constraint": null },
                                         { "tag": "7", "desc": "", "weight": 2, "id": 20836, "name": "centos7",
                                           "constraint": { "min_combo": 10, "max_combo": 20, "min_machine_spec": 1,
                                                           "max_machine_spec": 10 } } ] }"""));
            assertThat(http.post("/api/v1/containers", create("from-file", 2, 41000)).status()).isEqualTo(201);
            Reply builtIn = http.post("/api/v1/containers", create("built-in", 1, 10005));
            assertThat(builtIn.status()).isEqualTo(400);
            assertThat(builtIn.json().get("message").stringValue()).contains("no image 10005 of type 1");
            assertThat(sandbox.fleet().list()).extracting(Container::imageId).containsOnly(20835, 20836, 41000);
        }
    }

    @Test
    void badCatalogFileStopsTheCommandNamingTheFileTheLineAndTheField() throws IOException {
        Path file = Files.writeString(dir.resolve("images.json"),
                ImageCatalogTest.SMALL_CATALOG.formatted("{ \"id\": 20836, \"name\": \"x\" }"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SandboxCommandLine.run(new String[] {"--port", "0", "--images", file.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("flowbill sandbox: image catalog " + file
                + ", line 4, public_images[1]: field 'tag' is required");
    }

    private static String create(String name, int imageType, long imageId) {
        return """
                {"charge_type": 1, "spec_id": 10, "image_type": %d, "image_id": %d, "name": "%s"}
                """.formatted(imageType, imageId, name);
    }
}
