package com.gridcare.outage;

import com.gridcare.notification.NotificationOutbox;

import com.gridcare.api.Idempotency;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import com.gridcare.kernel.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outages from field service, service managers and the outage-management system; the reliability report. */
@RestController
@Validated
class OutageController {

    static final String ID = "^OUT-\\d{4}-\\d{6}$";
    static final String ID_MESSAGE = "must be an outage number like OUT-2026-000123";

    /** A new restoration estimate. */
    record Estimate(@NotNull OffsetDateTime expectedRestorationAt) {}

    /** Supply is back; {@code restoredAt} defaults to now. */
    record Restoration(OffsetDateTime restoredAt) {}

    /** An outage with its notices (step → status → count), calls, linked cases and history. */
    record OutageView(Outage outage, Map<String, Map<String, Long>> notices, List<OutageRepository.Call> calls,
            List<OutageRepository.Link> linkedCases, List<String> events) {}

    private final Outages outages;
    private final OutageCalls calls;
    private final OutageRepository repository;
    private final com.gridcare.notification.NotificationOutbox outbox;
    private final ReliabilityIndices reliability;
    private final Idempotency idempotency;

    OutageController(Outages outages, OutageCalls calls, OutageRepository repository,
            com.gridcare.notification.NotificationOutbox outbox, ReliabilityIndices reliability,
            Idempotency idempotency) {
        this.outages = outages;
        this.calls = calls;
        this.repository = repository;
        this.outbox = outbox;
        this.reliability = reliability;
        this.idempotency = idempotency;
    }

    private OutageView view(Outage outage) {
        return new OutageView(outage, outbox.countsForOutage(outage.id()), calls.of(outage.id()),
                repository.links(outage.id()), outages.events(outage.id()));
    }

    @PostMapping("/api/v1/outages")
    @AllowedGroups({Groups.FIELD_SERVICE, Groups.SERVICE_MANAGERS, Groups.SUPERVISORS, Groups.CHANNEL_SYSTEMS})
    ResponseEntity<OutageView> register(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
            @RequestBody @NotNull @Valid OutageRequest request, HttpServletRequest http) {
        var user = ApiUser.of(http);
        return idempotency.once("outage", key, request, OutageView.class, () -> {
            var outage = outages.register(request, Outages.Actor.of(user.id(), user.groups()));
            return ResponseEntity.created(URI.create("/api/v1/outages/" + outage.id())).body(view(outage));
        });
    }

    @PatchMapping("/api/v1/outages/{id}")
    @AllowedGroups({Groups.FIELD_SERVICE, Groups.SERVICE_MANAGERS, Groups.SUPERVISORS, Groups.CHANNEL_SYSTEMS})
    ResponseEntity<OutageView> newEstimate(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @RequestBody @NotNull @Valid Estimate estimate, HttpServletRequest http) {
        return idempotency.once("outage-estimate:" + id, null, estimate, OutageView.class, () -> ResponseEntity.ok(
                view(outages.newEstimate(id, estimate.expectedRestorationAt(), ApiUser.of(http).id()))));
    }

    @PostMapping("/api/v1/outages/{id}/restoration")
    @AllowedGroups({Groups.FIELD_SERVICE, Groups.SERVICE_MANAGERS, Groups.SUPERVISORS, Groups.CHANNEL_SYSTEMS})
    ResponseEntity<OutageView> restore(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @RequestHeader(value = Idempotency.HEADER, required = false) String key,
            @RequestBody(required = false) @Valid Restoration restoration, HttpServletRequest http) {
        var body = restoration == null ? new Restoration(null) : restoration;
        return idempotency.once("outage-restoration:" + id, key, body, OutageView.class, () -> ResponseEntity.ok(
                view(outages.restore(id, body.restoredAt(), ApiUser.of(http).id()))));
    }

    @GetMapping("/api/v1/outages/{id}")
    @AllowedGroups({Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.FIELD_SERVICE, Groups.SUPERVISORS,
            Groups.SERVICE_MANAGERS, Groups.CHANNEL_SYSTEMS})
    OutageView get(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        return view(outages.get(id));
    }

    @GetMapping("/api/v1/reports/reliability")
    @AllowedGroups({Groups.SUPERVISORS, Groups.SERVICE_MANAGERS})
    ResponseEntity<?> reliability(@RequestParam(required = false) String month,
            @RequestParam(required = false) String format) {
        if (month == null || month.isBlank()) throw new InvalidFieldException("month", "is required: a month like 2026-11");
        YearMonth period;
        try {
            period = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("month", "must be a month like 2026-11");
        }
        var report = reliability.month(period);
        if (format == null || format.equals("json")) return ResponseEntity.ok(report);
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"reliability-" + period + ".csv\"")
                    .body(report.csv());
        }
        throw new InvalidFieldException("format", "must be json or csv");
    }
}
