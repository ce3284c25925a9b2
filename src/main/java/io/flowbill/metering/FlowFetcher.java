package io.flowbill.metering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.containerapi.ContainerApiException;
import io.flowbill.containerapi.ContainerFlow;
import io.flowbill.containerapi.FlowAmount;
import io.flowbill.containerapi.FlowParseException;
import io.flowbill.metering.MeteringException.Kind;

/**
 * Starts the flow call of one container-hour and returns at once with its future, so many calls are in flight
 * together (bounded by the client's max-concurrency and rate limit) while Spring Batch 6 keeps reading and
 * writing in order on one thread. The writer waits for the futures.
 */
class FlowFetcher implements ItemProcessor<ContainerHour, CompletableFuture<MeteredHour>> {

    private final ContainerApiClient client;
    private final int mbPerGb;
    private final FlowPlausibility plausibility;
    private final StatusPolicy statuses;

    FlowFetcher(ContainerApiClient client, int mbPerGb, FlowPlausibility plausibility, StatusPolicy statuses) {
        this.client = client;
        this.mbPerGb = mbPerGb;
        this.plausibility = plausibility;
        this.statuses = statuses;
    }

    @Override
    public CompletableFuture<MeteredHour> process(ContainerHour hour) {
        List<MeteringException> statusProblems = statusProblems(hour);
        return client.flowAsync(hour.containerId(), hour.window().start(), hour.window().end())
                .handle((flow, failure) -> failure == null
                        ? measured(hour, flow, statusProblems)
                        : unavailable(hour, unwrap(failure), statusProblems));
    }

    /**
     * Each direction is judged on its own: a malformed or implausible value makes that direction unknown (and the
     * hour's traffic pending), the other keeps its valid value.
     */
    MeteredHour measured(ContainerHour hour, ContainerFlow flow, List<MeteringException> problems) {
        List<MeteringException> exceptions = new ArrayList<>(problems);
        BigDecimal up = plausible(hour, flow.upFlow(), parse(flow.upFlow(), "container_up_flow", exceptions),
                "container_up_flow", exceptions);
        BigDecimal down = plausible(hour, flow.downFlow(), parse(flow.downFlow(), "container_down_flow", exceptions),
                "container_down_flow", exceptions);
        return new MeteredHour(hour, up, down, flow.upFlow(), flow.downFlow(), up == null || down == null, exceptions);
    }

    private BigDecimal plausible(ContainerHour hour, String raw, BigDecimal mb, String field,
            List<MeteringException> exceptions) {
        if (mb == null) {
            return null;
        }
        FlowPlausibility.Bound bound = plausibility.bound(hour);
        if (mb.compareTo(bound.mb()) <= 0) {
            return mb;
        }
        exceptions.add(new MeteringException(Kind.IMPLAUSIBLE_FLOW, raw, field + " " + mb.toPlainString()
                + " MB is more than this container can move in an hour (" + bound.mb().toPlainString() + " MB: "
                + bound.rule() + "); not billed until a later read returns a plausible value"));
        return null;
    }

    private BigDecimal parse(String raw, String field, List<MeteringException> exceptions) {
        try {
            return FlowAmount.parseMegabytes(raw, mbPerGb);
        }
        catch (FlowParseException e) {
            exceptions.add(new MeteringException(Kind.MALFORMED_FLOW, raw,
                    field + " " + e.getMessage() + "; this direction is billed as 0 until a later read returns a valid value"));
            return null;
        }
    }

    private static MeteredHour unavailable(ContainerHour hour, Throwable failure, List<MeteringException> problems) {
        List<MeteringException> exceptions = new ArrayList<>(problems);
        if (failure instanceof ContainerApiException api && api.isNotFound()) {
            exceptions.add(new MeteringException(Kind.FLOW_GONE, null,
                    "the container was gone (404) before its flow for this window was read; its hours count, its traffic cannot"));
            return new MeteredHour(hour, null, null, null, null, false, exceptions);
        }
        exceptions.add(new MeteringException(Kind.FLOW_UNAVAILABLE, null,
                "flow could not be read: " + failure.getMessage() + "; the hour is billed without its traffic until"
                        + " the recheck of a later run reads it"));
        return new MeteredHour(hour, null, null, null, null, true, exceptions);
    }

    List<MeteringException> statusProblems(ContainerHour hour) {
        if (statuses.classify(hour.status()) != StatusPolicy.Billing.UNKNOWN) {
            return List.of();
        }
        return List.of(new MeteringException(Kind.UNKNOWN_STATUS, hour.status(),
                "status '" + hour.status() + "' is not in the status policy, so the hour is not billed;"
                        + " name it in flowbill.metering.statuses.billed or .unbilled and rate the day again"));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
