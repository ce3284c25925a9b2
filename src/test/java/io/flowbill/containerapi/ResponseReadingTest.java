package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseReadingTest {

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @CsvSource({
            "401, 4010001, UNAUTHORIZED",
            "403, 4030001, RATE_LIMITED",
            "403, 4030002, CLIENT_ERROR",
            "403, 4030148, CLIENT_ERROR",
            "403,        , CLIENT_ERROR",
            "429,        , RATE_LIMITED",
            "404, 4040002, NOT_FOUND",
            "404, 4040001, CLIENT_ERROR",
            "404,        , CLIENT_ERROR",
            "400, 4000001, CLIENT_ERROR",
            "409, 4090001, CLIENT_ERROR",
            "302,        , CLIENT_ERROR",
            "500, 5000001, SERVER_ERROR",
            "502,        , SERVER_ERROR",
            "503, 5030001, SERVER_ERROR",
    })
    void classifiesAnswersByStatusAndCode(int status, Integer code, Outcome expected) {
        assertThat(ResponseReading.classify(status, code)).isEqualTo(expected);
    }

    @Test
    void readsTheErrorBodyOrKeepsTheStartOfAnythingElse() {
        assertThat(ResponseReading.error(bytes("{\"code\": 4000001, \"message\": \"Invalid parameters\"}"), null))
                .isEqualTo(new ApiJson.Error(4000001, "Invalid parameters"));
        assertThat(ResponseReading.error(bytes("Bad Gateway"), null)).isEqualTo(new ApiJson.Error(null, "Bad Gateway"));
        assertThat(ResponseReading.error(bytes("null"), null)).isEqualTo(new ApiJson.Error(null, null));
        assertThat(ResponseReading.error(new byte[0], null)).isEqualTo(new ApiJson.Error(null, null));
        assertThat(ResponseReading.error(bytes("x".repeat(1000)), null).message()).hasSize(303).endsWith("...");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
