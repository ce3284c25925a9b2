package io.flowbill.containerapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The JSON conventions of the container API (snake_case, unknown fields ignored, nulls not sent) and its small bodies. */
final class ApiJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private ApiJson() {
    }

    /** {@code 201 {"id": 100}} from container creation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(long id) {
    }

    /** {@code 201 {"image_id": "409"}} from saving a container as an image; the id is a string. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SavedImage(String imageId) {
    }

    /** The payload of the tag endpoint. */
    record SaveImage(String repoName, String tag) {
    }

    /** {@code {"code": 4040002, "message": "No such container"}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(Integer code, String message) {
    }
}
