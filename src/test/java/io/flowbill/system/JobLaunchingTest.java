package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * Every job starts through {@link JobRunner}, so every run holds its day's or range's lock and recovers what a
 * killed process left: no other class of flowbill's calls the methods that start or execute a job.
 */
class JobLaunchingTest {

    /** Owner and name of the methods that start a job, as the bytecode names them. */
    private static final Set<String> STARTERS = Set.of(
            "org/springframework/batch/core/launch/JobOperator.start",
            "org/springframework/batch/core/launch/JobOperator.restart",
            "org/springframework/batch/core/launch/JobOperator.startNextInstance",
            "org/springframework/batch/core/launch/JobLauncher.run",
            "org/springframework/batch/core/job/Job.execute");

    @Test
    void onlyTheJobRunnerStartsJobs() throws Exception {
        List<String> callers = callersOfStarters();

        assertThat(callers).as("classes that start a job (all but JobRunner must go through JobRunner.run)")
                .isNotEmpty().allMatch(caller -> caller.startsWith("io/flowbill/system/JobRunner "), "is JobRunner");
    }

    @Test
    void theScanFindsACallToJobOperatorStart() throws Exception {
        assertThat(calls(classFile(JobRunner.class))).as("JobRunner's calls").anyMatch(call ->
                call.equals("org/springframework/batch/core/launch/JobOperator.start"));
    }

    private static List<String> callersOfStarters() throws IOException, URISyntaxException {
        Path root = classFile(JobRunner.class).getParent().getParent();
        List<String> callers = new ArrayList<>();
        try (Stream<Path> classes = Files.walk(root)) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                for (String call : calls(file)) {
                    if (STARTERS.contains(call)) {
                        callers.add(root.getParent().getParent().relativize(file).toString()
                                .replace(".class", "").replace('\\', '/').replaceFirst("\\$.*", "") + " -> " + call);
                    }
                }
            }
        }
        return callers.stream().map(c -> c.replaceFirst(" -> ", " ")).toList();
    }

    private static List<String> calls(Path classFile) throws IOException {
        List<String> calls = new ArrayList<>();
        try (InputStream in = Files.newInputStream(classFile)) {
            new ClassReader(in).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                            calls.add(owner + "." + method);
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        return calls;
    }

    private static Path classFile(Class<?> type) throws URISyntaxException {
        return Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
    }
}
