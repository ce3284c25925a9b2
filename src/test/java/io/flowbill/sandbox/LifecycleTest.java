package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxHttp.Reply;
import tools.jackson.databind.JsonNode;

class LifecycleTest {

    private SandboxServer sandbox;
    private SandboxHttp http;
    private SandboxClock clock;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet());
        http = new SandboxHttp(sandbox);
        clock = sandbox.clock();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createdContainerIsCreatingUntilProvisionedThenCreateSucc() {
        long id = create("life");

        JsonNode creating = detail(id);
        assertThat(creating.get("status").stringValue()).isEqualTo("creating");
        assertThat(creating.get("public_ip").isNull()).isTrue();
        assertThat(creating.get("created_at").stringValue()).isEqualTo("2017-03-01T00:00:00Z");

        clock.advance(Duration.ofSeconds(19));
        assertThat(detail(id).get("status").stringValue()).isEqualTo("creating");

        clock.advance(Duration.ofSeconds(1));
        JsonNode created = detail(id);
        assertThat(created.get("status").stringValue()).isEqualTo("create_succ");
        assertThat(created.get("updated_at").stringValue()).isEqualTo("2017-03-01T00:00:20Z");
        assertThat(created.get("public_ip").isString()).isTrue();
    }

    @Test
    void createdContainerJoinsTheListAndItsTotal() {
        long id = create("joins");

        JsonNode last = http.get("/api/v1/containers?limit=1&offset=300").json();

        assertThat(last.get("total").intValue()).isEqualTo(301);
        assertThat(last.get("containers").get(0).get("id").longValue()).isEqualTo(id);
    }

    @Test
    void modifyShowsUpdateSuccAndTheNewAttributes() {
        long id = create("modify-me");
        clock.advance(Duration.ofMinutes(5));

        http.put("/api/v1/containers/" + id, "{\"charge_type\": 2, \"network_charge_type\": 2, \"desc\": \"now by traffic\"}");

        JsonNode modified = detail(id);
        assertThat(modified.get("status").stringValue()).isEqualTo("update_succ");
        assertThat(modified.get("network_charge_type").intValue()).isEqualTo(2);
        assertThat(modified.get("desc").stringValue()).isEqualTo("now by traffic");
        assertThat(modified.get("updated_at").stringValue()).isEqualTo("2017-03-01T00:05:00Z");
        assertThat(modified.get("created_at").stringValue()).isEqualTo("2017-03-01T00:00:00Z");
        JsonNode listed = http.get("/api/v1/containers?limit=1&offset=300").json().get("containers").get(0);
        assertThat(listed.get("id").longValue()).isEqualTo(id);
        assertThat(listed.get("status").stringValue()).isEqualTo("update_succ");
        assertThat(listed.get("network_charge_type").intValue()).isEqualTo(2);
    }

    @Test
    void changesToAGeneratedContainerShowInItsPlaceInTheList() {
        Container tenth = sandbox.fleet().list().get(10);
        clock.advance(Duration.ofMinutes(1));

        http.put("/api/v1/containers/" + tenth.id(), "{\"desc\": \"listed change\"}");

        JsonNode listed = http.get("/api/v1/containers?limit=1&offset=10").json().get("containers").get(0);
        assertThat(listed.get("id").longValue()).isEqualTo(tenth.id());
        assertThat(listed.get("desc").stringValue()).isEqualTo("listed change");
        assertThat(listed.get("status").stringValue()).isEqualTo("update_succ");
    }

    @Test
    void restartShowsRestartSucc() {
        long id = sandbox.fleet().list().get(20).id();
        clock.advance(Duration.ofHours(1));

        http.put("/api/v1/containers/" + id + "/actions/restart", null);

        JsonNode restarted = detail(id);
        assertThat(restarted.get("status").stringValue()).isEqualTo("restart_succ");
        assertThat(restarted.get("updated_at").stringValue()).isEqualTo("2017-03-01T01:00:00Z");
    }

    @Test
    void deletedContainerIsDeletingThenGoneFromListGetAndFlow() {
        long id = sandbox.fleet().list().get(0).id();

        assertThat(http.delete("/api/v1/containers/" + id).status()).isEqualTo(200);
        assertThat(detail(id).get("status").stringValue()).isEqualTo("delete_ing");
        assertThat(http.get("/api/v1/containers/" + id + "/flow").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(10));
        Reply gone = http.get("/api/v1/containers/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo(4040002);
        assertThat(http.get("/api/v1/containers/" + id + "/flow").status()).isEqualTo(404);
        JsonNode list = http.get("/api/v1/containers?limit=30").json();
        assertThat(list.get("total").intValue()).isEqualTo(299);
        assertThat(list.get("containers").findValues("id")).extracting(JsonNode::longValue).doesNotContain(id);
    }

    @Test
    void flowOfANewContainerGrowsWithTheClockAndStopsWhenDeletionBegins() {
        long id = create("busy");
        while (FlowRates.of(Sandboxes.SEED, id).equals(FlowRates.IDLE)) {
            id = create("busy-" + id);
        }
        clock.advance(Duration.ofSeconds(20));
        BigDecimal provisioned = down(id);
        clock.advance(Duration.ofHours(2));
        BigDecimal twoHoursLater = down(id);

        http.delete("/api/v1/containers/" + id);
        clock.advance(Duration.ofSeconds(5));
        BigDecimal deleting = down(id);

        assertThat(provisioned).as("no traffic while creating").isEqualByComparingTo("0");
        assertThat(twoHoursLater).isPositive();
        assertThat(deleting).isEqualByComparingTo(twoHoursLater);
    }

    private long create(String name) {
        Reply reply = http.post("/api/v1/containers", Sandboxes.byBandwidth(name, 4));
        assertThat(reply.status()).as("create '%s': %s", name, reply).isEqualTo(201);
        return reply.json().get("id").longValue();
    }

    private JsonNode detail(long id) {
        Reply reply = http.get("/api/v1/containers/" + id);
        assertThat(reply.status()).as("container='%s'", id).isEqualTo(200);
        return reply.json();
    }

    private BigDecimal down(long id) {
        return FlowFormat.parseMb(http.get("/api/v1/containers/" + id + "/flow").json()
                .get("container_down_flow").stringValue());
    }
}
