package io.flowbill.reliability;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;

/** What a {@link Strike} works with while the first run of a case goes on, and what it leaves to undo afterwards. */
final class Scene {

    /** Something to undo once the fault has struck, in the reverse order of arrival. */
    @FunctionalInterface
    interface Undo {
        void run() throws Exception;
    }

    private final CaseDatabase db;
    private final SandboxServer sandbox;
    private final Reference reference;
    private final Path exportDir;
    private final LocalDate day;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private FlowbillJar.Running process;

    Scene(CaseDatabase db, SandboxServer sandbox, Reference reference, Path exportDir, LocalDate day) {
        this.db = db;
        this.sandbox = sandbox;
        this.reference = reference;
        this.exportDir = exportDir;
        this.day = day;
    }

    CaseDatabase db() {
        return db;
    }

    SandboxServer sandbox() {
        return sandbox;
    }

    Reference reference() {
        return reference;
    }

    Path exportDir() {
        return exportDir;
    }

    LocalDate day() {
        return day;
    }

    void watch(FlowbillJar.Running running) {
        this.process = running;
    }

    /** Polls every 20 ms until {@code reached}; fails when the watched run ends first. */
    void await(String what, BooleanSupplier reached) throws InterruptedException {
        CaseDatabase.await(what, reached, () -> process == null || process.isAlive(), Strike.PATIENCE);
    }

    DatabaseGate gate(DatabaseGate gate) {
        cleanup(gate::close);
        return gate;
    }

    void cleanup(Undo step) {
        undo.push(step);
    }

    /** Undoes what the strike set up (gates, locks), newest first; the sandbox's countdowns are cleared too. */
    void undo() throws Exception {
        Exception first = null;
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            }
            catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
