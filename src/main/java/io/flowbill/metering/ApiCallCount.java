package io.flowbill.metering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Container API calls and retries counted by the client's meters, read before and after a run. */
record ApiCallCount(long calls, long retries) {

    static ApiCallCount of(MeterRegistry registry) {
        long calls = registry.find("flowbill.api.requests").timers().stream().mapToLong(Timer::count).sum();
        double retries = registry.find("flowbill.api.retries").counters().stream().mapToDouble(Counter::count).sum();
        return new ApiCallCount(calls, (long) retries);
    }

    ApiCallCount since(MeterRegistry registry) {
        ApiCallCount now = of(registry);
        return new ApiCallCount(now.calls - calls, now.retries - retries);
    }
}
