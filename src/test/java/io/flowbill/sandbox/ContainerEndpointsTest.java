package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxHttp.Reply;
import tools.jackson.databind.JsonNode;

class ContainerEndpointsTest {

    private static final Set<String> CONTAINER_FIELDS = Set.of("id", "name", "desc", "status", "bandwidth",
            "replicas", "charge_type", "spec_id", "created_at", "updated_at", "public_ip", "private_ip",
            "ssh_key_ids", "network_charge_type", "image_id", "use_public_network", "env_var");

    private SandboxServer sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet());
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void imagesListsCustomAndPublicImagesWithConstraints() {
        Reply reply = http.get("/api/v1/containers/images");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode centos = reply.json().get("public_images").get(0);
        assertThat(centos.get("name").stringValue()).isEqualTo("centos");
        assertThat(centos.get("constraint").get("max_machine_spec").intValue()).isEqualTo(40);
        assertThat(reply.json().get("custom_images").get(0).get("id").longValue()).isEqualTo(30202);
    }

    @Test
    void createAnswers201WithTheNewId() {
        Reply reply = http.post("/api/v1/containers", Sandboxes.byBandwidth("new-one", 5));

        assertThat(reply.status()).isEqualTo(201);
        long id = reply.json().get("id").longValue();
        assertThat(sandbox.fleet().get(id)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("new-one"));
    }

    @Test
    void listAnswersTheTotalAndTwentyContainersWithSshKeyIdsAsArrays() {
        Reply reply = http.get("/api/v1/containers");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("total").intValue()).isEqualTo(300);
        JsonNode containers = reply.json().get("containers");
        assertThat(containers).hasSize(20);
        for (JsonNode container : containers) {
            assertThat(container.propertyNames()).containsExactlyInAnyOrderElementsOf(CONTAINER_FIELDS);
            assertThat(container.get("ssh_key_ids").isArray()).as("container='%s'", container).isTrue();
            assertThat(container.get("created_at").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }
    }

    @Test
    void pagingThroughTheListSeesEveryContainerOnce() {
        List<Long> seen = new ArrayList<>();
        for (int offset = 0; offset < 300; offset += 30) {
            Reply reply = http.get("/api/v1/containers?limit=30&offset=" + offset);
            reply.json().get("containers").forEach(c -> seen.add(c.get("id").longValue()));
        }

        assertThat(seen).containsExactlyElementsOf(sandbox.fleet().list().stream().map(Container::id).toList());
        assertThat(http.get("/api/v1/containers?limit=30&offset=300").json().get("containers")).isEmpty();
    }

    @Test
    void getAnswersTheDetailWithSshKeyIdsAsAString() {
        Container withKey = sandbox.fleet().list().stream()
                .filter(c -> c.sshKeyIds().size() == 1).findFirst().orElseThrow();

        Reply reply = http.get("/api/v1/containers/" + withKey.id());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().propertyNames()).containsExactlyInAnyOrderElementsOf(CONTAINER_FIELDS);
        assertThat(reply.json().get("ssh_key_ids").stringValue()).isEqualTo(withKey.sshKeyIds().get(0).toString());
        assertThat(reply.json().get("name").stringValue()).isEqualTo(withKey.name());
    }

    @Test
    void detailOfAContainerWithoutKeysHasAnEmptyString() {
        Container withoutKey = sandbox.fleet().list().stream()
                .filter(c -> c.sshKeyIds().isEmpty()).findFirst().orElseThrow();

        assertThat(http.get("/api/v1/containers/" + withoutKey.id()).json().get("ssh_key_ids").stringValue())
                .isEmpty();
    }

    @Test
    void modifyAnswers200AndChangesTheContainer() {
        long id = http.post("/api/v1/containers", Sandboxes.byBandwidth("to-modify", 5)).json().get("id").longValue();

        Reply reply = http.put("/api/v1/containers/" + id, "{\"desc\": \"new desc\", \"bandwidth\": 12}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode detail = http.get("/api/v1/containers/" + id).json();
        assertThat(detail.get("desc").stringValue()).isEqualTo("new desc");
        assertThat(detail.get("bandwidth").intValue()).isEqualTo(12);
    }

    @Test
    void restartAnswers200() {
        long id = sandbox.fleet().list().get(3).id();

        assertThat(http.put("/api/v1/containers/" + id + "/actions/restart", null).status()).isEqualTo(200);
    }

    @Test
    void tagAnswers201WithTheImageIdAsAStringAndAddsACustomImage() {
        long id = sandbox.fleet().list().get(3).id();

        Reply reply = http.post("/api/v1/containers/" + id + "/tag", "{\"repo_name\": \"cluster\", \"tag\": \"1.2.6\"}");

        assertThat(reply.status()).isEqualTo(201);
        String imageId = reply.json().get("image_id").stringValue();
        assertThat(imageId).matches("\\d+");
        JsonNode custom = http.get("/api/v1/containers/images").json().get("custom_images");
        assertThat(custom.findValuesAsString("name")).contains("cluster");
        assertThat(custom.findValues("id")).extracting(JsonNode::asString).contains(imageId);
    }

    @Test
    void deleteAnswers200() {
        long id = sandbox.fleet().list().get(4).id();

        assertThat(http.delete("/api/v1/containers/" + id).status()).isEqualTo(200);
        assertThat(sandbox.fleet().get(id)).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("delete_ing"));
    }

    @Test
    void flowAnswers200WithUpAndDownFlowInMegabytes() {
        long id = sandbox.fleet().list().get(4).id();

        Reply reply = http.get("/api/v1/containers/" + id + "/flow");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("container_up_flow").stringValue()).matches("\\d+\\.\\d+MB");
        assertThat(reply.json().get("container_down_flow").stringValue()).matches("\\d+\\.\\d+MB");
    }

    @Test
    void unknownPathAnswers404AndWrongMethod405() {
        Reply unknown = http.get("/api/v1/volumes");
        Reply outside = http.get("/index.html");
        Reply wrongMethod = http.delete("/api/v1/containers");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(4040001);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
    }
}
