package io.flowbill.sandbox;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads an {@link ImageCatalog} from JSON; every error names the file, the line and entry, and the field, e.g.
 * {@code image catalog images.json, line 4, public_images[1]: field 'id' must be a positive integer, was "x"}.
 */
final class ImageCatalogReader {

    private static final List<String> FIELDS = List.of("id", "name", "tag", "desc", "weight", "constraint");
    private static final List<String> CONSTRAINT_FIELDS = List.of("min_combo", "max_combo", "min_machine_spec",
            "max_machine_spec");

    private ImageCatalogReader() {
    }

    static ImageCatalog read(String source, byte[] content) {
        List<Images.Image> publicImages = new ArrayList<>();
        List<Images.Image> customImages = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error(source, parser, "the catalog must be a JSON object with public_images and custom_images");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String list = parser.currentName();
                List<Images.Image> target = switch (list) {
                    case "public_images" -> publicImages;
                    case "custom_images" -> customImages;
                    default -> throw error(source, parser, "unknown key '" + list
                            + "' (expected public_images, custom_images)");
                };
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw error(source, parser, list + " must be an array");
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String entry = "image catalog " + source + ", line " + parser.currentTokenLocation().getLineNr() + ", " + list + "["
                            + target.size() + "]";
                    JsonNode node = parser.readValueAsTree();
                    target.add(image(entry, node, target));
                }
            }
            if (parser.nextToken() != null) {
                throw error(source, parser, "unexpected content after the catalog object");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("image catalog " + source + " is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        }
        if (publicImages.isEmpty()) {
            throw new IllegalArgumentException("image catalog " + source
                    + ": public_images is missing or empty; at least one public image is required");
        }
        return new ImageCatalog(publicImages, customImages);
    }

    private static Images.Image image(String entry, JsonNode node, List<Images.Image> sameList) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(entry + ": an image must be a JSON object, was " + node);
        }
        for (String field : node.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(entry + ": unknown field '" + field + "' (expected " + FIELDS + ")");
            }
        }
        long id = positiveInt(entry, node, "id");
        if (sameList.stream().anyMatch(image -> image.id() == id)) {
            throw new IllegalArgumentException(entry + ": field 'id' repeats image id " + id + " of the same list");
        }
        String name = text(entry, node, "name", true);
        String tag = text(entry, node, "tag", true);
        String desc = text(entry, node, "desc", false);
        JsonNode weight = node.get("weight");
        int weightValue = weight == null || weight.isNull() ? 0 : integer(entry, "weight", weight);
        return new Images.Image(tag, desc == null ? "" : desc, weightValue, id, name,
                constraint(entry, node.get("constraint")));
    }

    private static Images.Constraint constraint(String entry, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(entry + ": field 'constraint' must be an object or null, was " + node);
        }
        int[] values = new int[CONSTRAINT_FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            String field = CONSTRAINT_FIELDS.get(i);
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException(entry + ": field 'constraint." + field + "' is required");
            }
            values[i] = integer(entry, "constraint." + field, value);
        }
        return new Images.Constraint(values[0], values[1], values[2], values[3]);
    }

    private static long positiveInt(String entry, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(entry + ": field '" + field + "' is required");
        }
        int parsed = value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : 0;
        if (parsed <= 0) {
            throw new IllegalArgumentException(entry + ": field '" + field + "' must be a positive integer, was "
                    + value);
        }
        return parsed;
    }

    private static int integer(String entry, String field, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(entry + ": field '" + field + "' must be an integer, was " + value);
        }
        return value.intValue();
    }

    private static String text(String entry, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(entry + ": field '" + field + "' is required");
            }
            return null;
        }
        if (!value.isString() || (required && value.stringValue().isBlank())) {
            throw new IllegalArgumentException(entry + ": field '" + field + "' must be a "
                    + (required ? "non-blank " : "") + "string, was " + value);
        }
        return value.stringValue();
    }

    private static IllegalArgumentException error(String source, JsonParser parser, String message) {
        return new IllegalArgumentException("image catalog " + source + ", line "
                + parser.currentTokenLocation().getLineNr() + ": " + message);
    }
}
