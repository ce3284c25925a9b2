package io.flowbill.export;

import java.time.Instant;
import java.util.Optional;

/**
 * Names the process that owns a temporary file or staging folder: {@code <pid>-<start in epoch ms>}. The start
 * time tells a live owner from a dead one whose pid was reused, which matters in containers, where every run may be
 * pid 1.
 */
final class RunToken {

    /** This process's token. */
    static final String CURRENT = of(ProcessHandle.current());

    private RunToken() {
    }

    /**
     * Whether the process a token names still runs. A bare pid (the names of builds before staging) counts as live
     * only for a running process other than this one, which never writes such names.
     */
    static boolean isLive(String token) {
        int dash = token.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? token : token.substring(0, dash));
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (dash < 0) {
                return process.isPresent() && pid != ProcessHandle.current().pid();
            }
            return process.map(RunToken::of).filter(token::equals).isPresent();
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    private static String of(ProcessHandle process) {
        return process.pid() + "-" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
