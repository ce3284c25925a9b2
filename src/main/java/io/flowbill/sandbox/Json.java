package io.flowbill.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out: snake_case field names in declaration order, and strict readers for request fields that turn any
 * malformed value into 400/4000001.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** The request body as a JSON object; 400 if it is not one. */
    static JsonNode readObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw SandboxApiException.invalid("malformed JSON");
        }
        if (node == null || !node.isObject()) {
            throw SandboxApiException.invalid("the body must be a JSON object");
        }
        return node;
    }

    static Integer optionalInt(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw SandboxApiException.invalid(field + " must be an integer");
        }
        return node.intValue();
    }

    static Long optionalLong(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw SandboxApiException.invalid(field + " must be an integer");
        }
        return node.longValue();
    }

    static String optionalString(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw SandboxApiException.invalid(field + " must be a string");
        }
        return node.stringValue();
    }

    static List<Long> optionalLongs(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw SandboxApiException.invalid(field + " must be an array of integers");
        }
        List<Long> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isIntegralNumber() || !element.canConvertToLong()) {
                throw SandboxApiException.invalid(field + " must be an array of integers");
            }
            values.add(element.longValue());
        }
        return values;
    }

    static Map<String, String> optionalStringMap(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw SandboxApiException.invalid(field + " must be an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isContainer()) {
                throw SandboxApiException.invalid(field + " values must be strings");
            }
            values.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asString());
        }
        return values;
    }
}
