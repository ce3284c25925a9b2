package io.flowbill.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work per account, at most {@code inParallel} accounts at a time, and keeps every account's
 * outcome: one account whose API is down or whose token is refused fails its own part only. Outcomes come back in
 * configuration order.
 */
public final class TenantRuns {

    /** The work of one account; may fail with anything. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Account account) throws Exception;
    }

    /** One account's outcome: its result, or the failure that ended it. */
    public record Outcome<T>(String tenant, T result, Exception failure) {

        public boolean failed() {
            return failure != null;
        }
    }

    private TenantRuns() {
    }

    public static <T> List<Outcome<T>> run(List<Account> accounts, int inParallel, Work<T> work)
            throws InterruptedException {
        if (accounts.size() == 1 || inParallel <= 1) {
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Account account : accounts) {
                outcomes.add(one(account, work));
            }
            return outcomes;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(inParallel, accounts.size()),
                task -> new Thread(task, "tenant-" + threads.getAndIncrement()));
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (Account account : accounts) {
                futures.add(pool.submit(() -> one(account, work)));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                try {
                    outcomes.add(future.get());
                }
                catch (ExecutionException e) {
                    throw new IllegalStateException("a tenant's run ended outside its own handling", e.getCause());
                }
            }
            return outcomes;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> one(Account account, Work<T> work) throws InterruptedException {
        try {
            return new Outcome<>(account.tenant(), work.run(account), null);
        }
        catch (InterruptedException e) {
            throw e;
        }
        catch (Exception e) {
            return new Outcome<>(account.tenant(), null, e);
        }
    }
}
