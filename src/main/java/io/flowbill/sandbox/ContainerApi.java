package io.flowbill.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The container endpoints: from a parsed request to an answer, by the document's rules. */
final class ContainerApi {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 30;

    private final Fleet fleet;
    private final Images images;
    private final FlowModel flowModel;
    private final SandboxClock clock;
    private final FlowFormat flowFormat;
    private final FlowTimeUnit timeUnit;
    private final FaultInjector faults;
    private final ListChurn churn;
    private final RequestStats stats;

    ContainerApi(Fleet fleet, Images images, FlowModel flowModel, SandboxClock clock, FlowFormat flowFormat,
            FlowTimeUnit timeUnit, FaultInjector faults, RequestStats stats) {
        this.stats = stats;
        this.fleet = fleet;
        this.images = images;
        this.flowModel = flowModel;
        this.clock = clock;
        this.flowFormat = flowFormat;
        this.timeUnit = timeUnit;
        this.faults = faults;
        this.churn = new ListChurn(fleet, faults.random());
    }

    HttpReply images() {
        return HttpReply.json(200, new WireJson.ImageLists(images.customImages(), images.publicImages()));
    }

    HttpReply create(JsonNode body) {
        ContainerRequest request = new ContainerRequest(
                Json.optionalInt(body, "charge_type"),
                Json.optionalInt(body, "spec_id"),
                Json.optionalInt(body, "image_type"),
                Json.optionalLong(body, "image_id"),
                Json.optionalString(body, "name"),
                Json.optionalString(body, "desc"),
                Json.optionalLongs(body, "ssh_key_ids"),
                Json.optionalStringMap(body, "env_var"),
                Json.optionalInt(body, "use_public_network"),
                Json.optionalInt(body, "network_charge_type"),
                Json.optionalInt(body, "bandwidth"));
        return HttpReply.json(201, new WireJson.Id(fleet.create(request)));
    }

    HttpReply modify(long id, JsonNode body) {
        ContainerChange change = new ContainerChange(
                Json.optionalInt(body, "charge_type"),
                Json.optionalString(body, "desc"),
                Json.optionalInt(body, "network_charge_type"),
                Json.optionalInt(body, "bandwidth"));
        fleet.modify(id, change);
        return HttpReply.empty(200);
    }

    HttpReply list(Map<String, String> query) {
        int limit = intParameter(query, "limit", DEFAULT_LIMIT);
        int offset = intParameter(query, "offset", 0);
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw SandboxApiException.invalid("limit must be in (0, 30], was " + limit);
        }
        if (offset < 0) {
            throw SandboxApiException.invalid("offset must be >= 0, was " + offset);
        }
        int perPage = faults.settings().current().listChurnPerPage();
        if (offset > 0 && perPage > 0) {
            churn.betweenPages(perPage, offset);
        }
        ContainerPage page = fleet.page(offset, limit);
        stats.listed(page.containers());
        List<WireJson.ContainerItem> items = page.containers().stream().map(WireJson.ContainerItem::listed).toList();
        return HttpReply.json(200, new WireJson.ContainerList(page.total(), items));
    }

    HttpReply get(long id) {
        Container container = fleet.get(id).orElseThrow(() -> SandboxApiException.noSuchContainer(id));
        return HttpReply.json(200, WireJson.ContainerItem.detail(container));
    }

    HttpReply delete(long id) {
        fleet.delete(id);
        return HttpReply.empty(200);
    }

    HttpReply restart(long id) {
        fleet.restart(id);
        return HttpReply.empty(200);
    }

    HttpReply tag(long id, JsonNode body) {
        String repoName = Json.optionalString(body, "repo_name");
        String tag = Json.optionalString(body, "tag");
        if (repoName == null || repoName.isBlank() || tag == null || tag.isBlank()) {
            throw SandboxApiException.invalid("repo_name and tag are required");
        }
        return HttpReply.json(201, new WireJson.ImageId(String.valueOf(fleet.saveAsImage(id, repoName, tag))));
    }

    /**
     * Absent or negative from_time means creation, absent or negative to_time means now; now is cut to the time
     * unit, so with seconds the answer is a whole number of seconds of traffic.
     */
    HttpReply flow(long id, Map<String, String> query) {
        Instant now = timeUnit.truncate(clock.instant());
        ContainerHistory history = fleet.history(id);
        if (history == null || !history.visibleAt(now)) {
            throw SandboxApiException.noSuchContainer(id);
        }
        Long fromValue = longParameter(query, "from_time");
        Long toValue = longParameter(query, "to_time");
        Instant from = fromValue == null || fromValue < 0 ? history.createdAt() : timeUnit.toInstant(fromValue);
        Instant to = toValue == null || toValue < 0 ? now : timeUnit.toInstant(toValue);
        if (from.isAfter(to)) {
            throw SandboxApiException.invalid("from_time is after to_time");
        }
        FlowAmount amount = flowModel.flow(history, from, to, now);
        MalformedFlow malformed = faults.malformedFlow(id);
        if (malformed != null) {
            return HttpReply.json(200, new WireJson.Flow(malformed.value(),
                    malformed.outboundOnly() ? flowFormat.format(amount.downMb()) : malformed.value()));
        }
        return HttpReply.json(200, new WireJson.Flow(flowFormat.format(amount.upMb()),
                flowFormat.format(amount.downMb())));
    }

    private static int intParameter(Map<String, String> query, String name, int absent) {
        Long value = longParameter(query, name);
        if (value == null) {
            return absent;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw SandboxApiException.invalid(name + " out of range");
        }
        return value.intValue();
    }

    private static Long longParameter(Map<String, String> query, String name) {
        String text = query.get(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw SandboxApiException.invalid(name + " must be an integer: '" + text + "'");
        }
    }
}
