package com.gridcare.servicerequest;

import com.gridcare.kernel.process.CaseVariables;
import com.gridcare.kernel.process.ServiceRequestVariables;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.ConflictException;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.cases.CaseIntake;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.cases.Channel;
import com.gridcare.clock.CaseClocks;
import com.gridcare.clock.SlaClock;
import com.gridcare.customer.Customer;
import com.gridcare.outage.Outages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers service requests (from a channel, or proactively by GridCare) and takes the customer's
 * documents for an open one. Registering records the case and the request and starts
 * {@code service-request}, which evaluates, routes and starts the clocks before the caller gets its
 * answer; all in the caller's transaction, so a failure leaves nothing behind.
 */
@Service
public class ServiceRequestIntake {

    public static final String PROCESS_KEY = "service-request";
    /** The message an open request waits for when documents are missing. */
    public static final String DOCUMENTS_RECEIVED = "RequestDocumentsReceived";

    private final CaseIntake intake;
    private final CaseRepository cases;
    private final CaseSteps steps;
    private final ServiceRequests requests;
    private final CaseClocks clocks;
    private final RuntimeService runtime;
    private final Clock clock;
    private final Outages outages;

    ServiceRequestIntake(CaseIntake intake, CaseRepository cases, CaseSteps steps, ServiceRequests requests,
            CaseClocks clocks, RuntimeService runtime, Clock clock, Outages outages) {
        this.outages = outages;
        this.intake = intake;
        this.cases = cases;
        this.steps = steps;
        this.requests = requests;
        this.clocks = clocks;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ServiceRequestReceipt register(ServiceRequestBody body) {
        CaseIntake.requireChannelSystem(body.channel());
        var customer = intake.customer(body.customerId());
        var details = RequestDetails.check(body.type(), body.details(), LocalDate.now(clock.withZone(EngineClock.ZONE)));
        return open(customer, body.channel(), details, false, null);
    }

    /**
     * Opens a METER_TEST that GridCare proposes itself after a consumption jump in {@code month};
     * once per customer and month.
     *
     * @return the receipt, or null when one was opened for this month before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ServiceRequestReceipt proposeMeterTest(Customer customer, String month, String reason) {
        var trigger = "METER_TEST:" + customer.id() + ":" + month;
        if (requests.triggered(trigger)) return null;
        var details = RequestDetails.of(ServiceRequestType.METER_TEST,
                Map.of(RequestDetails.REASON, reason, RequestDetails.MONTH, month, RequestDetails.DOCUMENTS, List.of()));
        return open(customer, Channel.SYSTEM, details, true, trigger);
    }

    private ServiceRequestReceipt open(Customer customer, Channel channel, RequestDetails details, boolean proactive,
            String trigger) {
        var type = details.type().name();
        var received = intake.record(CaseKind.SERVICE_REQUEST, customer, channel, type, details.summary(), null, null);
        requests.insert(received.caseId(), details, proactive, trigger, received.receivedAt());
        // a repair call from inside a known outage joins it: the model then sends no crew
        var outage = details.type() == ServiceRequestType.OUTAGE_REPAIR && !proactive
                ? outages.linkIfKnown(received.caseId(), customer.id(), CaseKind.SERVICE_REQUEST.name())
                : java.util.Optional.<com.gridcare.outage.Outage>empty();
        // what the model's gateways read: the type, and the voltage of a connection
        var variables = new HashMap<String, Object>();
        variables.put(CaseVariables.CATEGORY, type);
        if (details.voltageKv() != null) variables.put(ServiceRequestVariables.VOLTAGE_KV, details.voltageKv().doubleValue());
        var instanceId = intake.start(received, PROCESS_KEY, variables);
        var caseId = received.caseId();
        outage.ifPresent(o -> outages.recordLinkStep(caseId, customer.id(), instanceId, o));
        var registered = cases.find(caseId).orElseThrow();
        return new ServiceRequestReceipt(caseId, instanceId, registered.tier(), registered.priority(),
                registered.assignedGroup(), clocks.dueAt(caseId, mainClock(details.type())).orElse(null),
                outage.map(com.gridcare.outage.Outage::id).orElse(null),
                outage.map(com.gridcare.outage.Outage::expectedRestorationAt).orElse(null));
    }

    /** The clock whose due date the customer is told: the statutory or internal target of the type. */
    public static SlaClock mainClock(ServiceRequestType type) {
        return switch (type) {
            case NEW_CONNECTION, CAPACITY_CHANGE -> SlaClock.CONNECTION_UTILITY_SIDE;
            case METER_TEST -> SlaClock.METER_TEST_RESULT;
            case OUTAGE_REPAIR -> SlaClock.OUTAGE_ARRIVAL;
            case MOVE_IN, MOVE_OUT, TARIFF_CHANGE, GREEN_PLAN_ENROLMENT -> SlaClock.REQUEST_COMPLETION;
        };
    }

    /**
     * Documents (and an answer) from the customer for an open request: kept with the request, then
     * handed to the process waiting for them.
     *
     * @throws NotFoundException no such service request
     * @throws ConflictException the request is closed or is not waiting for documents
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void receiveDocuments(String caseId, List<RequestDocument> documents, String answer, String by) {
        var serviceCase = cases.lock(caseId).filter(c -> c.kind() == CaseKind.SERVICE_REQUEST)
                .orElseThrow(() -> new NotFoundException("No service request " + caseId));
        if (!serviceCase.isOpen()) throw new ConflictException("Service request " + caseId + " is closed");
        if (documents.isEmpty() && (answer == null || answer.isBlank())) {
            throw new InvalidFieldException("documents", "send at least one document or an answer");
        }
        requests.addDocuments(caseId, documents.isEmpty() ? EnumSet.noneOf(RequestDocument.class)
                : EnumSet.copyOf(documents), OffsetDateTime.now(clock));
        var received = new LinkedHashMap<String, Object>();
        received.put("documents", documents.stream().map(RequestDocument::label).collect(Collectors.joining("; ")));
        received.put("customerAnswer", answer);
        steps.append(new CaseStep.New(caseId, serviceCase.customerId(), serviceCase.processInstanceId(),
                StepKind.DOCUMENTS_RECEIVED, "documents", "Documents received", null, by, null, received));
        try {
            runtime.createMessageCorrelation(DOCUMENTS_RECEIVED).processInstanceBusinessKey(caseId).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("Service request " + caseId + " is not waiting for documents");
        }
    }
}
