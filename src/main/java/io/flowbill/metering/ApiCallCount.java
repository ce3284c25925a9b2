package io.flowbill.metering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Container API calls and retries counted by the client's meters, read before and after a run: those of one
 * tenant's client when a tenant is given, so accounts metered at once count their own calls only. The calls of
 * partitions run by workers are in their execution contexts instead ({@link PartitionApiCalls}).
 */
record ApiCallCount(long calls, long retries, String tenant) {

    static ApiCallCount of(MeterRegistry registry) {
        return of(registry, null);
    }

    static ApiCallCount of(MeterRegistry registry, String tenant) {
        var requests = registry.find("flowbill.api.requests");
        var retried = registry.find("flowbill.api.retries");
        if (tenant != null) {
            requests = requests.tag("tenant", tenant);
            retried = retried.tag("tenant", tenant);
        }
        long calls = requests.timers().stream().mapToLong(Timer::count).sum();
        double retries = retried.counters().stream().mapToDouble(Counter::count).sum();
        return new ApiCallCount(calls, (long) retries, tenant);
    }

    ApiCallCount plus(ApiCallCount more) {
        return new ApiCallCount(calls + more.calls, retries + more.retries, tenant);
    }

    ApiCallCount since(MeterRegistry registry) {
        ApiCallCount now = of(registry, tenant);
        return new ApiCallCount(now.calls - calls, now.retries - retries, tenant);
    }
}
