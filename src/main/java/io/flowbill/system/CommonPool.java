package io.flowbill.system;

/**
 * Gives the JVM's common pool at least two threads before anything uses it. With one (the default on a 2-core
 * machine: cores - 1), {@code CompletableFuture} runs every asynchronous stage without an executor of its own on a
 * new thread, and the JDK's HTTP client completes every response that way: one thread started per API call
 * (649,000 in one 100k-container bench run; docs/performance-profile.md). Must run first in {@code main}, before
 * the pool or {@code CompletableFuture} is initialised; an explicit {@code -D} setting is left as it is.
 */
public final class CommonPool {

    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private CommonPool() {
    }

    public static void atLeastTwoThreads() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }
}
