package com.gridcare.outage;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.ConflictException;
import com.gridcare.api.ForbiddenException;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.api.RuleViolationException;
import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.customer.SupplyPoints;
import com.gridcare.kernel.Groups;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers outages and follows them to restoration. Registration checks the notice period
 * (planned: 7 days before the start; temporary maintenance affecting IMPORTANT customers: 24 hours)
 * and takes a supervisor's override with a reason, fixes the affected customers and starts the
 * {@code outage} process; a new estimate and the restoration are handed to that process as messages.
 * All in the caller's transaction: a refused outage leaves nothing behind.
 */
@Service
@EnableConfigurationProperties(OutageProperties.class)
public class Outages {

    public static final String PROCESS_KEY = "outage";
    static final String ESTIMATE_CHANGED = "OutageEstimateChanged";
    static final String RESTORED = "OutageRestored";
    /** The message a linked repair request waits for. */
    public static final String LINKED_OUTAGE_RESTORED = "LinkedOutageRestored";
    static final String RULE_PLANNED = "PLANNED_NOTICE_7_DAYS";
    static final String RULE_TEMPORARY = "TEMPORARY_NOTICE_24_HOURS";

    private final OutageRepository outages;
    private final SupplyPoints supplyPoints;
    private final RuntimeService runtime;
    private final OutageProperties properties;
    private final Clock clock;
    private final CaseSteps steps;

    Outages(OutageRepository outages, SupplyPoints supplyPoints, RuntimeService runtime, OutageProperties properties,
            Clock clock, CaseSteps steps) {
        this.steps = steps;
        this.outages = outages;
        this.supplyPoints = supplyPoints;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    /** Who registers and may override: a user's id and whether they are a supervisor. */
    public record Actor(String id, boolean supervisor) {
        public static Actor of(String id, java.util.Set<String> groups) {
            return new Actor(id, groups.contains(Groups.SUPERVISORS));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outage register(OutageRequest request, Actor by) {
        var feeders = request.feederList();
        var areas = request.transformerAreaList();
        if (feeders.isEmpty() && areas.isEmpty()) {
            throw new InvalidFieldException("feeders", "name the feeders or the transformerAreas the outage is on");
        }
        if (!request.expectedRestorationAt().isAfter(request.startsAt())) {
            throw new InvalidFieldException("expectedRestorationAt", "must be after startsAt");
        }
        var now = OffsetDateTime.now(clock);
        if (request.kind().announced() && !request.startsAt().isAfter(now)) {
            throw new InvalidFieldException("startsAt", "a " + request.kind() + " outage must start in the future");
        }
        var count = supplyPoints.count(feeders, areas);
        if (count.customers() == 0) {
            throw new RuleViolationException("AFFECTS_CUSTOMERS", feeders.isEmpty() ? "transformerAreas" : "feeders",
                    "No customer is supplied from these feeders or transformer areas");
        }
        var deadline = noticeDeadline(request.kind(), request.startsAt(), count.important() > 0, now);
        boolean onTime = !now.isAfter(deadline);
        String overrideBy = null;
        String overrideReason = null;
        if (!onTime) {
            var rule = request.kind() == OutageKind.PLANNED ? RULE_PLANNED : RULE_TEMPORARY;
            if (request.overrideReason() == null || request.overrideReason().isBlank()) {
                throw new RuleViolationException(rule, "startsAt", request.kind() == OutageKind.PLANNED
                        ? "A planned outage must be announced at least 7 days before it starts (rule " + rule
                                + "); a supervisor may override with an overrideReason"
                        : "Temporary maintenance affecting important customers must be announced at least 24 hours"
                                + " before it starts (rule " + rule + "); a supervisor may override with an overrideReason");
            }
            if (!by.supervisor()) {
                throw new ForbiddenException("Only supervisors may override the notice period (rule " + rule + ")");
            }
            overrideBy = by.id();
            overrideReason = request.overrideReason().strip();
        }
        var id = outages.nextId(now.atZoneSameInstant(EngineClock.ZONE).getYear());
        var outage = new Outage(id, request.kind(), feeders, areas, request.reason().strip(), request.startsAt(),
                request.expectedRestorationAt(), 0, null, OutageStatus.ANNOUNCED, now, by.id(), deadline, onTime,
                overrideBy, overrideReason, 0, null);
        outages.insert(outage, now);
        int affected = outages.insertCustomers(id, supplyPoints.selection(feeders, areas));
        outages.event(id, "REGISTERED", by.id(), request.kind() + ", " + affected + " customers, "
                + request.startsAt() + " to " + request.expectedRestorationAt() + ": " + outage.reason(), now);
        if (overrideBy != null) {
            outages.event(id, "NOTICE_PERIOD_OVERRIDDEN", overrideBy, overrideReason, now);
        }
        var instance = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(id)
                .setVariables(Map.of("outageId", id, "outageKind", request.kind().name())).execute();
        outages.setProcessInstance(id, instance.getId());
        return get(id);
    }

    /**
     * When customers must have been told: the start minus the notice period (planned; temporary with
     * IMPORTANT customers), else at registration.
     */
    OffsetDateTime noticeDeadline(OutageKind kind, OffsetDateTime startsAt, boolean important, OffsetDateTime now) {
        return switch (kind) {
            case PLANNED -> startsAt.minus(properties.plannedNotice());
            case TEMPORARY -> important ? startsAt.minus(properties.temporaryNotice()) : now;
            case UNPLANNED -> now;
        };
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outage newEstimate(String id, OffsetDateTime expectedRestorationAt, String by) {
        var outage = outages.lock(id).orElseThrow(() -> new NotFoundException("No outage " + id));
        if (outage.status() == OutageStatus.RESTORED) {
            throw new ConflictException("Outage " + id + " is restored; it takes no new estimate");
        }
        if (!expectedRestorationAt.isAfter(outage.startsAt())) {
            throw new InvalidFieldException("expectedRestorationAt", "must be after the outage's start");
        }
        var now = OffsetDateTime.now(clock);
        outages.newEstimate(id, expectedRestorationAt, now);
        outages.event(id, "NEW_ESTIMATE", by, expectedRestorationAt.toString(), now);
        correlate(id, ESTIMATE_CHANGED);
        return get(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outage restore(String id, OffsetDateTime restoredAt, String by) {
        var outage = outages.lock(id).orElseThrow(() -> new NotFoundException("No outage " + id));
        if (outage.status() == OutageStatus.RESTORED) {
            throw new ConflictException("Outage " + id + " was restored at " + outage.restoredAt());
        }
        var now = OffsetDateTime.now(clock);
        var at = restoredAt == null ? now : restoredAt;
        if (at.isAfter(now.plusMinutes(5))) {
            throw new InvalidFieldException("restoredAt", "must not be in the future");
        }
        if (!at.isAfter(outage.startsAt())) {
            throw new InvalidFieldException("restoredAt", "must be after the outage's start (" + outage.startsAt() + ")");
        }
        outages.restore(id, at, now);
        outages.event(id, "RESTORED", by, at.toString(), now);
        correlate(id, RESTORED);
        return get(id);
    }

    private void correlate(String id, String message) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(id).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("Outage " + id + " is not waiting for this (" + message + ")");
        }
    }

    public Outage get(String id) {
        return outages.find(id).orElseThrow(() -> new NotFoundException("No outage " + id));
    }

    /** What happened to the outage, oldest first. */
    public List<String> events(String id) {
        return outages.events(id);
    }

    /** The outage a customer is in now (announced and started), if any. */
    public Optional<Outage> currentFor(String customerId) {
        return outages.currentFor(customerId, OffsetDateTime.now(clock));
    }

    /**
     * Links a new case of a customer inside a known outage to it, instead of dispatching a crew.
     *
     * @return the outage, or empty when the customer is in none (the case is handled as usual)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Outage> linkIfKnown(String caseId, String customerId, String caseKind) {
        var now = OffsetDateTime.now(clock);
        var outage = outages.currentFor(customerId, now);
        outage.ifPresent(o -> {
            outages.link(caseId, o.id(), customerId, caseKind, now);
            outages.event(o.id(), "CASE_LINKED", "system", caseKind + " " + caseId, now);
        });
        return outage;
    }

    /** The link on the case record: which outage, and when supply should be back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordLinkStep(String caseId, String customerId, String processInstanceId, Outage outage) {
        steps.append(new CaseStep.New(caseId, customerId, processInstanceId, StepKind.OUTAGE_LINKED, "intake",
                "Linked to known outage", null, CaseRecords.SYSTEM, null,
                Map.of("outageId", outage.id(), "expectedRestorationAt", outage.expectedRestorationAt().toString())));
    }

    /** The outage a case is linked to, if it is. */
    public Optional<Outage> linkedTo(String caseId) {
        return outages.linkOf(caseId).flatMap(link -> outages.find(link.outageId()));
    }
}
