package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of {@code io.flowbill} depend on each other without a cycle (docs/layout.md; which package may use
 * which is {@code io.flowbill.PackageRulesTest}), and {@code system} on none of them: read from the compiled
 * classes, where every flowbill class a class uses (calls, fields, descriptors, generic signatures, annotations) is
 * named in its constant pool.
 */
class PackageCyclesTest {

    private static final Pattern FLOWBILL_CLASS = Pattern.compile("io/flowbill/(?:[a-z0-9_]+/)*[A-Z][\\w$]*");

    @Test
    void flowbillsPackagesFormNoCycle() throws Exception {
        Map<String, Set<String>> uses = packageGraph();

        assertThat(cycles(uses)).as("package cycles among %s", uses.keySet()).isEmpty();
    }

    @Test
    void systemUsesNoFeaturePackage() throws Exception {
        assertThat(packageGraph().get("io.flowbill.system")).as("packages io.flowbill.system uses").isEmpty();
    }

    @Test
    void theScanSeesWhatAPackageUses() throws Exception {
        assertThat(packageGraph().get("io.flowbill.billing")).as("packages io.flowbill.billing uses")
                .contains("io.flowbill.metering", "io.flowbill.invoicing", "io.flowbill.system");
    }

    @Test
    void aCycleIsFoundAndNamedInOrder() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));

        assertThat(cycles(uses)).containsExactly("a -> b -> c -> a");
    }

    /** Each package of flowbill's classes and the other flowbill packages it uses. */
    static Map<String, Set<String>> packageGraph() throws IOException, URISyntaxException {
        Path root = Path.of(JobRunner.class.getResource("JobRunner.class").toURI()).getParent().getParent()
                .getParent().getParent();
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/flowbill"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String from = packageOf(root.relativize(file).toString().replace('\\', '/'));
                Set<String> used = uses.computeIfAbsent(from, key -> new TreeSet<>());
                for (String name : flowbillNames(file)) {
                    String to = packageOf(name);
                    if (!to.equals(from)) {
                        used.add(to);
                    }
                }
            }
        }
        return uses;
    }

    /** Every cycle found by a depth-first walk, each once, as {@code a -> b -> a}. */
    static List<String> cycles(Map<String, Set<String>> uses) {
        List<String> cycles = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : uses.keySet()) {
            walk(start, uses, new ArrayList<>(), done, cycles);
        }
        return cycles;
    }

    private static void walk(String at, Map<String, Set<String>> uses, List<String> path, Set<String> done,
            List<String> cycles) {
        int seen = path.indexOf(at);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(at);
            cycles.add(String.join(" -> ", cycle));
            return;
        }
        if (done.contains(at)) {
            return;
        }
        path.add(at);
        for (String next : uses.getOrDefault(at, Set.of())) {
            walk(next, uses, path, done, cycles);
        }
        path.remove(path.size() - 1);
        done.add(at);
    }

    /** The names of flowbill classes in a class file: its constant pool holds them as plain text. */
    private static Set<String> flowbillNames(Path classFile) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher found = FLOWBILL_CLASS.matcher(new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1));
        while (found.find()) {
            names.add(found.group());
        }
        return names;
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
    }
}
