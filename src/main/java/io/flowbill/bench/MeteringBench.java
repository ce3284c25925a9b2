package io.flowbill.bench;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import io.flowbill.accounts.AccountClients;
import io.flowbill.accounts.Accounts;
import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;

/**
 * The API bound and metering of one hourly window. The bound is measured after an explicit warm-up
 * ({@link ApiBound#warmUp}, reported), then each repetition measures the bound and, right after it, metering of its
 * own window (an hour earlier each time: a window metered before would be a rerun), so a bound and its metering see
 * the machine alike. The first repetition's inventory adds the fleet, the later ones find it known, as every hourly
 * run after the first does.
 */
final class MeteringBench {

    private MeteringBench() {
    }

    static void measure(ConfigurableApplicationContext context, BenchDatabase database, BenchSettings settings,
            int n, Figures figures) throws Exception {
        Instant lastWindow = Instant.now().minus(Duration.ofMinutes(70)).truncatedTo(ChronoUnit.HOURS);
        String tenant = context.getBean(Accounts.class).tenants().get(0);
        ContainerApiClient client = context.getBean(AccountClients.class).of(tenant);
        long[] ids = ApiBound.someIds(client, Math.min(n, 200_000));
        // enough calls for a steady rate even with a small fleet (ids are called again in turn), at most 200,000
        int boundCalls = Math.min(Math.max(n, 5_000), 200_000);
        ApiBound.WarmUp warmUp = ApiBound.warmUp(client, ids, Math.min(Math.max(n, 1_000), 5_000),
                settings.concurrency(), lastWindow, lastWindow.plus(Duration.ofHours(1)));
        figures.fact("api_bound_warm_up_passes", warmUp.passes());
        figures.fact("api_bound_warm_up_calls", warmUp.passes() * warmUp.callsPerPass());
        figures.fact("api_bound_warm_up_last_pass_calls_per_second", Figures.round(warmUp.lastCallsPerSecond()));
        figures.fact("api_bound_warm_up_steady", warmUp.steady());
        figures.fact("api_bound_calls", boundCalls);
        for (int repetition = 0; repetition < settings.repeat(); repetition++) {
            Instant from = lastWindow.minus(Duration.ofHours(repetition));
            MeteringRange window = new MeteringRange(from, from.plus(Duration.ofHours(1)));
            double apiBound = ApiBound.flowCallsPerSecond(client, ids, boundCalls, settings.concurrency(),
                    window.from(), window.to());
            figures.add("api_bound_calls_per_second", apiBound);

            MeteringSummary metered = context.getBean(MeteringService.class)
                    .meter(tenant, window, false);
            double meterSeconds = metered.elapsed().toNanos() / 1e9;
            double meterRate = metered.calls() / meterSeconds;
            figures.fact("metering_calls", metered.calls());
            figures.add("metering_seconds", meterSeconds);
            figures.add("metering_calls_per_second", meterRate);
            figures.add("metering_vs_api_bound", meterRate / apiBound);
            try (Connection connection = database.connect()) {
                Map<String, Double> steps = StepTimes.of(connection, "meteringJob");
                double flowSeconds = steps.getOrDefault("flowStep", meterSeconds);
                figures.add("metering_inventory_step_seconds", steps.getOrDefault("inventoryStep", 0.0));
                figures.add("metering_flow_step_seconds", flowSeconds);
                figures.add("flow_step_calls_per_second", n / flowSeconds);
                figures.add("flow_step_vs_api_bound", n / flowSeconds / apiBound);
            }
        }
    }
}
