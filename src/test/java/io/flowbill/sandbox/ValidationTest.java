package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.flowbill.sandbox.SandboxHttp.Reply;

class ValidationTest {

    private static SandboxServer sandbox;
    private static SandboxHttp http;
    private static long someId;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet());
        http = new SandboxHttp(sandbox);
        someId = sandbox.fleet().list().get(0).id();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"no-charge-type\"}",
        "{\"charge_type\": 3, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"bad-charge\"}",
        "{\"charge_type\": \"1\", \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"string-charge\"}",
        "{\"charge_type\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"no-spec\"}",
        "{\"charge_type\": 1, \"spec_id\": 5, \"image_type\": 1, \"image_id\": 10005, \"name\": \"bad-spec\"}",
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 3, \"image_id\": 10005, \"name\": \"bad-image-type\"}",
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 1, \"name\": \"no-image\"}",
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 424242, \"name\": \"unknown-image\"}",
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 2, \"image_id\": 10005, \"name\": \"public-as-custom\"}",
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005}",
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"  \"}",
        "{\"charge_type\": 2, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"no-public\"}",
        "{\"charge_type\": 2, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"no-network\","
            + " \"use_public_network\": 1}",
        "{\"charge_type\": 2, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"no-bandwidth\","
            + " \"use_public_network\": 1, \"network_charge_type\": 1}",
        "{\"charge_type\": 2, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"zero-bandwidth\","
            + " \"use_public_network\": 1, \"network_charge_type\": 1, \"bandwidth\": 0}",
        "{\"charge_type\": 2, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"huge-bandwidth\","
            + " \"use_public_network\": 1, \"network_charge_type\": 1, \"bandwidth\": 101}",
        "{\"charge_type\": 2, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"bad-network\","
            + " \"use_public_network\": 1, \"network_charge_type\": 3}",
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"bad-keys\","
            + " \"ssh_key_ids\": \"1,2\"}",
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"bad-env\","
            + " \"env_var\": [\"a\"]}",
        "{\"charge_type\": 1, \"spec_id\": 1,",
        "[1, 2]",
        "",
        "{\"charge_type\": 1} trailing"})
    void invalidCreateIsRefusedWith4000001(String body) {
        Reply reply = http.post("/api/v1/containers", body);

        assertThat(reply.status()).as("body='%s'", body).isEqualTo(400);
        assertThat(reply.code()).as("body='%s'", body).isEqualTo(4000001);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"charge_type\": 1, \"spec_id\": 1, \"image_type\": 1, \"image_id\": 10005, \"name\": \"package\"}",
        "{\"charge_type\": 2, \"spec_id\": 50, \"image_type\": 2, \"image_id\": 30202, \"name\": \"private\","
            + " \"use_public_network\": 0}",
        "{\"charge_type\": 2, \"spec_id\": 30, \"image_type\": 1, \"image_id\": 10011, \"name\": \"traffic\","
            + " \"use_public_network\": 1, \"network_charge_type\": 2}",
        "{\"charge_type\": 2, \"spec_id\": 40, \"image_type\": 1, \"image_id\": 10005, \"name\": \"bandwidth-100\","
            + " \"use_public_network\": 1, \"network_charge_type\": 1, \"bandwidth\": 100}"})
    void createWithTheFieldsEachChargeKindNeedsSucceeds(String body) {
        assertThat(http.post("/api/v1/containers", body).status()).as("body='%s'", body).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=31", "limit=-5", "offset=-1", "limit=abc", "offset=1.5",
        "limit=99999999999"})
    void listWithLimitOrOffsetOutOfRangeIsRefused(String query) {
        Reply reply = http.get("/api/v1/containers?" + query);

        assertThat(reply.status()).as("query='%s'", query).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4000001);
    }

    @Test
    void listAcceptsTheLimitBounds() {
        assertThat(http.get("/api/v1/containers?limit=1").json().get("containers")).hasSize(1);
        assertThat(http.get("/api/v1/containers?limit=30&offset=0").json().get("containers")).hasSize(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"bandwidth\": 101}", "{\"bandwidth\": 0}", "{\"charge_type\": 0}",
        "{\"network_charge_type\": 5}", "{\"desc\": 7}", "not json"})
    void invalidModifyIsRefused(String body) {
        Reply reply = http.put("/api/v1/containers/" + someId, body);

        assertThat(reply.status()).as("body='%s'", body).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4000001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"repo_name\": \"r\"}", "{\"tag\": \"t\"}", "{\"repo_name\": \"\", \"tag\": \"t\"}"})
    void tagWithoutRepoNameOrTagIsRefused(String body) {
        Reply reply = http.post("/api/v1/containers/" + someId + "/tag", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4000001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/containers/1", "PUT /api/v1/containers/1", "DELETE /api/v1/containers/1",
        "PUT /api/v1/containers/1/actions/restart", "POST /api/v1/containers/1/tag",
        "GET /api/v1/containers/1/flow", "GET /api/v1/containers/99999999/flow"})
    void unknownContainerAnswers404With4040002(String request) {
        String[] parts = request.split(" ");
        String body = parts[1].endsWith("tag") ? "{\"repo_name\": \"r\", \"tag\": \"t\"}" : "{\"desc\": \"d\"}";

        Reply reply = http.send(parts[0], parts[1], parts[0].equals("GET") || parts[0].equals("DELETE") ? null : body);

        assertThat(reply.status()).as("request='%s'", request).isEqualTo(404);
        assertThat(reply.code()).as("request='%s'", request).isEqualTo(4040002);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-3", "0", "1.5"})
    void nonNumericContainerIdIsRefused(String id) {
        Reply reply = http.get("/api/v1/containers/" + id);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4000001);
    }

    @Test
    void duplicateNameAnswers409With4090001() {
        String name = sandbox.fleet().list().get(7).name().replace("\\", "\\\\").replace("\"", "\\\"");

        Reply reply = http.post("/api/v1/containers", Sandboxes.byBandwidth(name, 2));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo(4090001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from_time=abc", "to_time=1e9", "from_time=1488326400&to_time=1488240000",
        "from_time=99999999999999999"})
    void flowWithBadTimesIsRefused(String query) {
        Reply reply = http.get("/api/v1/containers/" + someId + "/flow?" + query);

        assertThat(reply.status()).as("query='%s'", query).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4000001);
    }
}
