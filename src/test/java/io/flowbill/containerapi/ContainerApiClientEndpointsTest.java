package io.flowbill.containerapi;

import static io.flowbill.containerapi.StubApi.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What goes over the wire for each endpoint, and how its answer is read. */
class ContainerApiClientEndpointsTest {

    private static final String TOKEN = "tok-endpoints-1";

    private StubApi api;
    private ContainerApiClient client;

    @BeforeEach
    void start() throws Exception {
        api = new StubApi();
        client = newClient(FlowTimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    private ContainerApiClient newClient(FlowTimeUnit unit) {
        return new ContainerApiClient(ContainerApiProperties.defaults(api.baseUrl()).withToken(TOKEN)
                .withFlowTimeUnit(unit).withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1)),
                new SimpleMeterRegistry());
    }

    @Test
    void listsImagesWithTheTokenHeader() {
        api.script("GET /api/v1/containers/images", json(200, ApiSamples.IMAGES));

        ContainerImages images = client.images();

        assertThat(images.publicImages()).extracting(ContainerImage::name).containsExactly("centos");
        StubApi.Seen seen = api.requests().get(0);
        assertThat(seen.header("Authorization")).isEqualTo("Token " + TOKEN);
        assertThat(seen.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void createsAContainerAndReturnsItsId() {
        api.script("POST /api/v1/containers", json(201, "{\"id\": 100}"));
        var request = new CreateContainerRequest(2, 10, 1, 10005L, "web", "d", List.of(1L, 2L), Map.of("k", "v"), 1, 1, 20);

        long id = client.create(request);

        assertThat(id).isEqualTo(100);
        assertThat(api.requests().get(0).body()).isEqualTo("{\"charge_type\":2,\"spec_id\":10,\"image_type\":1,"
                + "\"image_id\":10005,\"name\":\"web\",\"desc\":\"d\",\"ssh_key_ids\":[1,2],\"env_var\":{\"k\":\"v\"},"
                + "\"use_public_network\":1,\"network_charge_type\":1,\"bandwidth\":20}");
    }

    @Test
    void modifiesAContainerSendingOnlyWhatChanges() {
        api.script("PUT /api/v1/containers/7", json(200, ""));

        client.modify(7, new ModifyContainerRequest(null, null, 2, null));

        assertThat(api.requests().get(0).body()).isEqualTo("{\"network_charge_type\":2}");
    }

    @Test
    void listsAPageWithLimitAndOffset() {
        api.script("GET /api/v1/containers", json(200, ApiSamples.LIST));

        ContainerPage page = client.list(30, 60);

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.containers()).extracting(Container::id).containsExactly(100L);
        assertThat(api.requests().get(0).query()).isEqualTo("limit=30&offset=60");
    }

    @Test
    void listsAllPagesUntilAnEmptyPageKeepingEachContainerOnce() {
        api.script("GET /api/v1/containers",
                json(200, "{\"total\": 3, \"containers\": [{\"id\": 1}, {\"id\": 2}]}"),
                json(200, "{\"total\": 5, \"containers\": [{\"id\": 2}, {\"id\": 3}]}"),
                json(200, "{\"total\": 5, \"containers\": []}"));

        List<Container> all = client.listAll();

        assertThat(all).extracting(Container::id).containsExactly(1L, 2L, 3L);
        assertThat(api.requests()).extracting(StubApi.Seen::query)
                .containsExactly("limit=30&offset=0", "limit=30&offset=2", "limit=30&offset=4");
    }

    @Test
    void stopsPagingOnceTotalIsReached() {
        api.script("GET /api/v1/containers",
                json(200, "{\"total\": 3, \"containers\": [{\"id\": 1}, {\"id\": 2}]}"),
                json(200, "{\"total\": 3, \"containers\": [{\"id\": 3}]}"));

        assertThat(client.listAll()).extracting(Container::id).containsExactly(1L, 2L, 3L);
        assertThat(api.requests()).hasSize(2);
    }

    @Test
    void getsOneContainerSyncAndAsync() throws Exception {
        api.always("GET /api/v1/containers/10615", r -> json(200, ApiSamples.DETAIL));

        assertThat(client.get(10615).sshKeyIds()).containsExactly(2947L);
        assertThat(client.getAsync(10615).get().status()).isEqualTo(ContainerStatus.CREATING);
    }

    @Test
    void deletesAndRestarts() {
        api.script("DELETE /api/v1/containers/7", json(200, ""));
        api.script("PUT /api/v1/containers/7/actions/restart", json(200, "{}"));

        client.delete(7);
        client.restart(7);

        assertThat(api.requests()).extracting(s -> s.method() + " " + s.path())
                .containsExactly("DELETE /api/v1/containers/7", "PUT /api/v1/containers/7/actions/restart");
    }

    @Test
    void savesAsImageAndReturnsTheImageIdString() {
        api.script("POST /api/v1/containers/7/tag", json(201, ApiSamples.TAG));

        String imageId = client.saveAsImage(7, "cluster", "1.2.6");

        assertThat(imageId).isEqualTo("409");
        assertThat(api.requests().get(0).body()).isEqualTo("{\"repo_name\":\"cluster\",\"tag\":\"1.2.6\"}");
    }

    @Test
    void sendsFlowBoundsInSecondsByDefault() {
        api.always("GET /api/v1/containers/7/flow", r -> json(200, ApiSamples.FLOW));

        ContainerFlow flow = client.flow(7, Instant.parse("2017-01-01T00:00:00.900Z"), Instant.parse("2017-01-02T00:00:00Z"));

        assertThat(flow.upFlow()).isEqualTo("1234.0MB");
        assertThat(api.requests().get(0).query()).isEqualTo("from_time=1483228800&to_time=1483315200");
    }

    @Test
    void sendsFlowBoundsInMillisecondsWhenConfigured() throws Exception {
        api.always("GET /api/v1/containers/7/flow", r -> json(200, ApiSamples.FLOW));
        try (ContainerApiClient millis = newClient(FlowTimeUnit.MILLISECONDS)) {
            millis.flowAsync(7, Instant.parse("2017-01-01T00:00:00.900Z"), null).get();
        }

        assertThat(api.requests().get(0).query()).isEqualTo("from_time=1483228800900");
    }

    @Test
    void leavesOutFlowBoundsThatAreNotGiven() {
        api.always("GET /api/v1/containers/7/flow", r -> json(200, ApiSamples.FLOW));

        client.flow(7, null, null);
        client.flow(7, null, Instant.ofEpochSecond(5));

        assertThat(api.requests()).extracting(StubApi.Seen::query).containsExactly(null, "to_time=5");
    }

    @Test
    void countsCallsAndRequests() {
        api.always("GET /api/v1/containers/7/flow", r -> json(200, ApiSamples.FLOW));

        client.flow(7, null, null);
        client.flow(7, null, null);

        assertThat(client.stats()).isEqualTo(new ContainerApiStats(2, 2, 0, 0, 0));
    }
}
