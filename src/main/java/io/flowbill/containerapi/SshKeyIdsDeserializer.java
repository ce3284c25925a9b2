package io.flowbill.containerapi;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads {@code ssh_key_ids} in each shape the API uses: an array ({@code [1, 2]}, in the list), a string
 * ({@code "2947"}, in the detail; {@code "1,2"} is split on commas), a bare number, an empty string or {@code null}
 * (both an empty list). Anything that is not a whole number is an error.
 */
final class SshKeyIdsDeserializer extends ValueDeserializer<List<Long>> {

    @Override
    public List<Long> deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonToken token = p.currentToken();
        List<Long> ids = new ArrayList<>();
        if (token == JsonToken.START_ARRAY) {
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                addScalar(p, ctxt, t, ids);
            }
        } else {
            addScalar(p, ctxt, token, ids);
        }
        return List.copyOf(ids);
    }

    @Override
    public List<Long> getNullValue(DeserializationContext ctxt) {
        return List.of();
    }

    private static void addScalar(JsonParser p, DeserializationContext ctxt, JsonToken token, List<Long> ids) {
        switch (token) {
            case VALUE_NULL -> { }
            case VALUE_NUMBER_INT -> ids.add(p.getLongValue());
            case VALUE_STRING -> {
                for (String part : p.getString().split(",")) {
                    if (!part.isBlank()) {
                        ids.add(parse(p, ctxt, part.strip()));
                    }
                }
            }
            default -> ctxt.reportInputMismatch(List.class, "ssh_key_ids: unexpected %s", token);
        }
    }

    private static long parse(JsonParser p, DeserializationContext ctxt, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return ctxt.reportInputMismatch(List.class, "ssh_key_ids: '%s' is not a key id", text);
        }
    }
}
