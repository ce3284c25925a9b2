package io.flowbill;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * Which package of {@code io.flowbill} may use which: the rules as ArchUnit checks them on the compiled classes (the
 * {@code @ArchTest} runs in ArchUnit's JUnit engine, the other tests in Jupiter), and the table of docs/layout.md held
 * to them, so the table says what the code does.
 */
@AnalyzeClasses(packages = PackageRulesTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    static final String ROOT = "io.flowbill";
    static final Path LAYOUT = Path.of("docs/layout.md");

    /** Each package (short name; {@code io.flowbill} itself by its full name) and the flowbill packages it may use. */
    static final Map<String, Set<String>> MAY_USE = mayUse();

    /** No package uses a flowbill package it may not use (ArchUnit names each class and call that does). */
    @ArchTest
    static final ArchRule noPackageUsesAPackageItMayNotUse = rules(MAY_USE);

    private static JavaClasses classes;

    @BeforeAll
    static void importFlowbill() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyUseTheRulesAllowIsMadeAndEveryPackageHasARule() {
        assertThat(uses(classes)).as("flowbill packages each package uses, read from the classes")
                .isEqualTo(MAY_USE);
    }

    @Test
    void theLayoutTableSaysWhatTheRulesSay() throws IOException {
        assertThat(LayoutTable.read(Files.readString(LAYOUT))).as("the package table of %s", LAYOUT)
                .isEqualTo(MAY_USE);
    }

    @Test
    void aUseTheRulesDoNotAllowFails() {
        Map<String, Set<String>> withoutSystem = new TreeMap<>(MAY_USE);
        withoutSystem.put("billing", Set.of("metering", "invoicing", "export", "metrics", "pricing"));

        assertThatThrownBy(() -> rules(withoutSystem).check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.flowbill.billing").hasMessageContaining("io.flowbill.system");
    }

    private static LayeredArchitecture rules(Map<String, Set<String>> mayUse) {
        LayeredArchitecture rules = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : mayUse.keySet()) {
            rules = rules.layer(name).definedBy(name.equals(ROOT) ? ROOT : ROOT + "." + name + "..");
        }
        for (Map.Entry<String, Set<String>> rule : mayUse.entrySet()) {
            rules = rule.getValue().isEmpty() ? rules.whereLayer(rule.getKey()).mayNotAccessAnyLayer()
                    : rules.whereLayer(rule.getKey()).mayOnlyAccessLayers(rule.getValue().toArray(String[]::new));
        }
        return rules;
    }

    /** Each flowbill package and the other flowbill packages its classes depend on. */
    private static Map<String, Set<String>> uses(JavaClasses classes) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass from : classes) {
            Set<String> used = uses.computeIfAbsent(shortName(from.getPackageName()), key -> new TreeSet<>());
            for (Dependency dependency : from.getDirectDependenciesFromSelf()) {
                String to = dependency.getTargetClass().getPackageName();
                if (to.equals(ROOT) || to.startsWith(ROOT + ".")) {
                    used.add(shortName(to));
                }
            }
            used.remove(shortName(from.getPackageName()));
        }
        return uses;
    }

    /** {@code io.flowbill.metering.x} is {@code metering}; {@code io.flowbill} keeps its name. */
    static String shortName(String packageName) {
        return packageName.equals(ROOT) ? ROOT : packageName.substring(ROOT.length() + 1).split("\\.")[0];
    }

    private static Map<String, Set<String>> mayUse() {
        Map<String, Set<String>> mayUse = new LinkedHashMap<>();
        mayUse.put(ROOT, Set.of());
        mayUse.put("system", Set.of());
        mayUse.put("sandbox", Set.of());
        mayUse.put("containerapi", Set.of("system"));
        mayUse.put("cluster", Set.of("system"));
        mayUse.put("pricing", Set.of("system"));
        mayUse.put("webhooks", Set.of());
        mayUse.put("accounts", Set.of("containerapi", "pricing", "system"));
        mayUse.put("demo", Set.of("accounts", "containerapi", "pricing", "sandbox", "system"));
        mayUse.put("metering", Set.of("accounts", "cluster", "containerapi", "pricing", "system"));
        mayUse.put("invoicing", Set.of("cluster", "metering", "pricing", "system", "webhooks"));
        mayUse.put("export", Set.of("invoicing", "pricing", "system"));
        mayUse.put("metrics", Set.of("accounts", "invoicing", "metering", "pricing"));
        mayUse.put("billing", Set.of("export", "invoicing", "metering", "metrics", "pricing", "system", "webhooks"));
        mayUse.put("serve", Set.of("accounts", "billing", "metering", "metrics", "pricing", "system"));
        mayUse.put("api", Set.of("export", "pricing"));
        mayUse.put("security", Set.of("api"));
        mayUse.put("portal", Set.of("api", "export", "pricing", "security"));
        mayUse.put("bench", Set.of(ROOT, "accounts", "api", "cluster", "containerapi", "export", "invoicing", "metering", "pricing",
                "security", "system"));
        mayUse.put("cli", Set.of(ROOT, "accounts", "bench", "billing", "cluster", "containerapi", "export",
                "invoicing", "metering", "metrics", "pricing", "sandbox", "security", "serve", "system", "webhooks"));
        Map<String, Set<String>> sorted = new TreeMap<>();
        mayUse.forEach((name, uses) -> sorted.put(name, new TreeSet<>(uses)));
        return sorted;
    }

    /** The table {@code | package | owns | may use |} of a markdown page, as package -> packages it may use. */
    static final class LayoutTable {

        private static final String HEADER = "| package | owns | may use |";

        static Map<String, Set<String>> read(String markdown) {
            List<String> lines = markdown.lines().toList();
            int header = lines.indexOf(HEADER);
            assertThat(header).as("a table headed %s", HEADER).isNotNegative();
            Map<String, Set<String>> table = new TreeMap<>();
            for (String line : lines.subList(header + 2, lines.size())) {
                if (!line.startsWith("|")) {
                    break;
                }
                String[] cells = line.split("\\|");
                assertThat(cells).as("row %s", line).hasSize(4);
                table.put(packageName(cells[1].trim(), line), packages(cells[3].trim(), line));
            }
            return table;
        }

        /** A cell {@code `a`, `b`}, or {@code none}. */
        private static Set<String> packages(String cell, String line) {
            Set<String> packages = new TreeSet<>();
            if (!cell.equals("none")) {
                for (String name : cell.split(", ")) {
                    packages.add(packageName(name, line));
                }
            }
            return packages;
        }

        private static String packageName(String quoted, String line) {
            assertThat(quoted).as("a package in row %s: `name`, names separated by ', ', or none", line)
                    .matches("`[a-z.]+`");
            return quoted.substring(1, quoted.length() - 1);
        }
    }
}
