package io.flowbill.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import io.flowbill.system.DemoMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code manifest.json} of one export folder ({@code <tenant>/<YYYY-MM>/}): an entry per file, sorted by name.
 * It holds nothing that changes between runs over the same data (no time of writing, no process id), so the same
 * data gives the same bytes. Amounts are JSON strings, exactly as the files print them. With a signing key
 * configured its last field {@code signature} seals the entries ({@link ManifestSignature}); without one it is
 * {@code null}: the manifest says it is unsigned.
 *
 * @param tenant    the folder's tenant
 * @param month     the folder's month, {@code YYYY-MM}
 * @param files     file name to entry
 * @param signature the signature over the entries; null when unsigned
 */
record Manifest(String tenant, String month, Map<String, ManifestEntry> files, ManifestSignature signature) {

    static final String FILE_NAME = "manifest.json";
    static final String FORMAT = "flowbill-export-manifest/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = JSON.writer().with(new DefaultPrettyPrinter()
            .withObjectIndenter(INDENT).withArrayIndenter(INDENT)
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator("")));

    Manifest {
        files = new TreeMap<>(files);
    }

    /** An unsigned manifest. */
    Manifest(String tenant, String month, Map<String, ManifestEntry> files) {
        this(tenant, month, files, null);
    }

    /** This manifest signed with {@code key}, or unsigned when {@code key} is null. */
    Manifest signedWith(SigningKey key) {
        return new Manifest(tenant, month, files, key == null ? null : key.sign(this));
    }

    static Manifest empty(String tenant, String month) {
        return new Manifest(tenant, month, Map.of());
    }

    /** This manifest with {@code written} replacing the entries of the same names. */
    Manifest with(List<ManifestEntry> written) {
        Map<String, ManifestEntry> merged = new TreeMap<>(files);
        written.forEach(entry -> merged.put(entry.name(), entry));
        return new Manifest(tenant, month, merged);
    }

    /** This manifest without the entries whose file is no longer in {@code folder}. */
    Manifest existingIn(Path folder) {
        Map<String, ManifestEntry> kept = new TreeMap<>(files);
        kept.keySet().removeIf(name -> !Files.isRegularFile(folder.resolve(name)));
        return new Manifest(tenant, month, kept);
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("tenant", tenant);
        if (DemoMode.TENANT.equals(tenant)) {
            root.put("demo", true);
        }
        root.put("month", month);
        ArrayNode list = root.putArray("files");
        for (ManifestEntry entry : files.values()) {
            ObjectNode file = list.addObject();
            file.put("name", entry.name());
            file.put("kind", entry.kind());
            file.put("period", entry.period());
            file.put("rows", entry.rows());
            file.put("amount", entry.amount() == null ? null : entry.amount().toPlainString());
            file.put("currency", entry.currency());
            file.put("bytes", entry.bytes());
            file.put("sha256", entry.sha256());
            file.put("utf8_bom", entry.utf8Bom());
            ArrayNode versions = file.putArray("price_versions");
            entry.priceVersions().forEach(versions::add);
            file.put("run_id", entry.runId());
        }
        if (signature == null) {
            root.putNull("signature");
        }
        else {
            ObjectNode seal = root.putObject("signature");
            seal.put("algorithm", signature.algorithm());
            seal.put("value", signature.value());
        }
        return WRITER.writeValueAsString(root) + "\n";
    }

    AtomicFile.Written writeTo(Path folder) {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        return AtomicFile.write(folder.resolve(FILE_NAME), out -> out.write(bytes));
    }

    /**
     * Reads a manifest.
     *
     * @throws IllegalArgumentException when the file is not a manifest of this format (the message says why)
     * @throws UncheckedIOException     when it cannot be read
     */
    static Manifest read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(text(root, "format"))) {
            throw new IllegalArgumentException(file + " is not a flowbill export manifest (format is not '"
                    + FORMAT + "')");
        }
        try {
            Map<String, ManifestEntry> files = new TreeMap<>();
            for (JsonNode node : root.path("files")) {
                List<String> versions = new ArrayList<>();
                node.path("price_versions").forEach(version -> versions.add(version.asString()));
                String amount = text(node, "amount");
                ManifestEntry entry = new ManifestEntry(text(node, "name"), text(node, "kind"), text(node, "period"),
                        number(node, "rows"), amount == null ? null : new BigDecimal(amount), text(node, "currency"),
                        node.path("bytes").asLong(), text(node, "sha256"), node.path("utf8_bom").asBoolean(),
                        versions, number(node, "run_id"));
                files.put(entry.name(), entry);
            }
            JsonNode seal = root.path("signature");
            ManifestSignature signature = seal.isObject()
                    ? new ManifestSignature(text(seal, "algorithm"), text(seal, "value")) : null;
            return new Manifest(text(root, "tenant"), text(root, "month"), files, signature);
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " has a malformed entry: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
