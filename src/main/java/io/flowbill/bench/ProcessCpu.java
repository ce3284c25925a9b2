package io.flowbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time (user and system) the processes of {@code bench --accounts} use during one measured window: this
 * process (the manager, or everything with no workers), the sandbox and each worker, read from the operating system
 * ({@link ProcessHandle.Info#totalCpuDuration()}, {@code /proc/<pid>/stat} on Linux) before and after.
 */
record ProcessCpu(Duration manager, Duration sandbox, List<Duration> workers) {

    static ProcessCpu start(SandboxProcess sandbox, WorkerProcesses workers) {
        return new ProcessCpu(self(), sandbox.cpu(), workers == null ? List.of() : workers.cpu());
    }

    /** Seconds of CPU each process used since {@link #start}: manager, sandbox, worker-0 ... */
    Map<String, Object> used(SandboxProcess sandbox, WorkerProcesses workers) {
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("manager", seconds(self().minus(manager)));
        used.put("sandbox", seconds(sandbox.cpu().minus(this.sandbox)));
        List<Duration> now = workers == null ? List.of() : workers.cpu();
        for (int i = 0; i < now.size(); i++) {
            used.put("worker-" + i, seconds(now.get(i).minus(this.workers.get(i))));
        }
        return used;
    }

    /** The machine's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), empty where there is none. */
    static List<Double> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            List<Double> load = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                load.add(Double.parseDouble(fields[i]));
            }
            return load;
        }
        catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Duration self() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(Duration duration) {
        return Figures.round(duration.toNanos() / 1e9);
    }
}
