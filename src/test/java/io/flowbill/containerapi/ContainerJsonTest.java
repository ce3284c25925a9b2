package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.core.JacksonException;

class ContainerJsonTest {

    private static Container container(String sshKeyIdsJson) {
        return read("{\"id\": 7, \"ssh_key_ids\": " + sshKeyIdsJson + "}", Container.class);
    }

    private static <T> T read(String json, Class<T> type) {
        return ApiJson.MAPPER.readValue(json, type);
    }

    @Test
    void readsTheDocumentedListAnswerWithItsTotal() {
        ContainerPage page = read(ApiSamples.LIST, ContainerPage.class);

        assertThat(page.total()).isEqualTo(1);
        Container c = page.containers().get(0);
        assertThat(c.id()).isEqualTo(100);
        assertThat(c.status()).isEqualTo(ContainerStatus.CREATE_FAIL);
        assertThat(c.sshKeyIds()).containsExactly(1L, 2L);
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2016-03-19T05:44:17Z"));
        assertThat(c.publicIp()).isNull();
        assertThat(c.chargeType()).isEqualTo(1);
        assertThat(c.networkChargeType()).isEqualTo(2);
        assertThat(c.imageId()).isEqualTo(2L);
        assertThat(c.envVar()).containsExactly(Map.entry("key", "value"));
    }

    @Test
    void readsTheDocumentedDetailWithSshKeyIdsAsAString() {
        Container c = read(ApiSamples.DETAIL, Container.class);

        assertThat(c.id()).isEqualTo(10615);
        assertThat(c.sshKeyIds()).containsExactly(2947L);
        assertThat(c.status().value()).isEqualTo("creating");
        assertThat(c.status().phase()).isEqualTo(ContainerStatus.Phase.IN_PROGRESS);
        assertThat(c.updatedAt()).isEqualTo(Instant.parse("2016-03-15T04:26:23Z"));
    }

    @ParameterizedTest(name = "ssh_key_ids: {0}")
    @CsvSource(delimiter = '|', value = {
            "[1, 2]        | 1,2",
            "[\"3\", 4]    | 3,4",
            "\"2947\"      | 2947",
            "\"5, 6\"      | 5,6",
            "8             | 8",
            "\"\"          | ''",
            "null          | ''",
            "[]            | ''",
            "[null]        | ''",
    })
    void readsSshKeyIdsInEveryShapeSeen(String json, String expected) {
        List<Long> expectedIds = expected.isEmpty() ? List.of()
                : java.util.Arrays.stream(expected.split(",")).map(Long::valueOf).toList();

        assertThat(container(json).sshKeyIds()).as("json=%s", json).isEqualTo(expectedIds);
    }

    @Test
    void missingSshKeyIdsIsAnEmptyList() {
        assertThat(read("{\"id\": 7}", Container.class).sshKeyIds()).isEmpty();
    }

    @Test
    void rejectsSshKeyIdsThatAreNotNumbers() {
        assertThatThrownBy(() -> container("\"abc\"")).isInstanceOf(JacksonException.class).hasMessageContaining("abc");
        assertThatThrownBy(() -> container("{\"a\": 1}")).isInstanceOf(JacksonException.class);
    }

    @Test
    void keepsAnUnknownStatusAsItsRawString() {
        Container c = read("{\"id\": 7, \"status\": \"hibernating\"}", Container.class);

        assertThat(c.status().value()).isEqualTo("hibernating");
        assertThat(c.status().isKnown()).isFalse();
    }

    @Test
    void toleratesNullsAbsentFieldsAndUnknownExtras() {
        Container c = read("""
                {"id": 9, "name": null, "status": null, "created_at": null, "updated_at": "", "env_var": null,
                 "ssh_key_ids": null, "replicas": null, "brand_new_field": {"x": [1]}}""", Container.class);

        assertThat(c.name()).isNull();
        assertThat(c.status()).isNull();
        assertThat(c.createdAt()).isNull();
        assertThat(c.updatedAt()).isNull();
        assertThat(c.envVar()).isEmpty();
        assertThat(c.sshKeyIds()).isEmpty();
        assertThat(c.bandwidth()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "2016-03-19T05:44:17Z,      2016-03-19T05:44:17Z",
            "2016-03-19T13:44:17+08:00, 2016-03-19T05:44:17Z",
            "2016-03-19T05:44:17,       2016-03-19T05:44:17Z",
            "2016-03-19T05:44:17.250Z,  2016-03-19T05:44:17.250Z",
    })
    void readsIso8601TimesAsInstantsTakingAMissingZoneAsUtc(String raw, Instant expected) {
        Container c = read("{\"id\": 1, \"created_at\": \"" + raw + "\"}", Container.class);

        assertThat(c.createdAt()).isEqualTo(expected);
    }

    @Test
    void rejectsATimeThatIsNotIso8601() {
        assertThatThrownBy(() -> read("{\"id\": 1, \"created_at\": \"19/03/2016\"}", Container.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void rejectsAContainerWithoutId() {
        assertThatThrownBy(() -> read("{\"name\": \"x\"}", Container.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void readsTheImagesExampleOnceItsCurlyQuoteIsStraightened() {
        ContainerImages images = read(ApiSamples.IMAGES, ContainerImages.class);

        assertThat(images.customImages()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(30202L);
            assertThat(i.name()).isEqualTo("4638_tomcat2");
            assertThat(i.constraint()).isNull();
        });
        assertThat(images.publicImages()).singleElement().satisfies(i -> assertThat(i.constraint())
                .isEqualTo(new ContainerImage.ImageConstraint(20, 50, 10, 40)));
    }

    @Test
    void theImagesExampleAsPrintedIsNotJson() {
        assertThatThrownBy(() -> read(ApiSamples.IMAGES_AS_PRINTED, ContainerImages.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void readsFlowAsRawStrings() {
        ContainerFlow flow = read(ApiSamples.FLOW, ContainerFlow.class);

        assertThat(flow.upFlow()).isEqualTo("1234.0MB");
        assertThat(flow.downFlow()).isEqualTo("111111.0MB");
        assertThat(flow.upMegabytes(1024)).isEqualByComparingTo("1234.0");
    }

    @Test
    void aMalformedFlowValueDoesNotFailReadingTheAnswer() {
        ContainerFlow flow = read("{\"container_up_flow\": \"NaN\", \"container_down_flow\": null}", ContainerFlow.class);

        assertThat(flow.upFlow()).isEqualTo("NaN");
        assertThatThrownBy(() -> flow.upMegabytes(1024)).isInstanceOf(FlowParseException.class);
        assertThatThrownBy(() -> flow.downMegabytes(1024)).isInstanceOf(FlowParseException.class);
    }

    @Test
    void readsTheTagAnswerImageIdAsAStringEvenWhenANumber() {
        assertThat(read(ApiSamples.TAG, ApiJson.SavedImage.class).imageId()).isEqualTo("409");
        assertThat(read("{\"image_id\": 409}", ApiJson.SavedImage.class).imageId()).isEqualTo("409");
    }

    @Test
    void writesRequestsInSnakeCaseWithoutNulls() {
        String json = ApiJson.MAPPER.writeValueAsString(CreateContainerRequest.onDemand(10, 1, 10005, "web", 1, 20));

        assertThat(json).isEqualTo("{\"charge_type\":2,\"spec_id\":10,\"image_type\":1,\"image_id\":10005,"
                + "\"name\":\"web\",\"use_public_network\":1,\"network_charge_type\":1,\"bandwidth\":20}");
        assertThat(ApiJson.MAPPER.writeValueAsString(new ModifyContainerRequest(null, "d", null, null)))
                .isEqualTo("{\"desc\":\"d\"}");
    }
}
