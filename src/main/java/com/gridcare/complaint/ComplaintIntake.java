package com.gridcare.complaint;

import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import com.gridcare.outage.Outage;
import com.gridcare.outage.Outages;
import com.gridcare.cases.CaseIntake;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.clock.CaseClocks;
import com.gridcare.clock.SlaClock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a complaint: the case record and the start of {@code complaint-handling}, whose first
 * steps evaluate the customer and route the case before the caller gets its answer. All in the
 * caller's transaction: a failure leaves nothing behind.
 */
@Service
public class ComplaintIntake {

    public static final String PROCESS_KEY = "complaint-handling";

    private final CaseIntake intake;
    private final CaseRepository cases;
    private final CaseClocks clocks;
    private final Outages outages;
    private final NotificationOutbox outbox;

    ComplaintIntake(CaseIntake intake, CaseRepository cases, CaseClocks clocks, Outages outages,
            NotificationOutbox outbox) {
        this.outages = outages;
        this.outbox = outbox;
        this.intake = intake;
        this.cases = cases;
        this.clocks = clocks;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ComplaintReceipt register(ComplaintRequest request) {
        CaseIntake.requireChannelSystem(request.channel());
        var customer = intake.customer(request.customerId());
        var received = intake.record(CaseKind.COMPLAINT, customer, request.channel(), request.category().name(),
                request.description(), request.contactPhone(), request.occurredAt());
        // a supply interruption inside a known outage is linked to it and the caller told its estimate
        var outage = request.category() == ComplaintCategory.SUPPLY_INTERRUPTION
                ? outages.linkIfKnown(received.caseId(), customer.id(), CaseKind.COMPLAINT.name())
                : java.util.Optional.<Outage>empty();
        var instanceId = intake.start(received, PROCESS_KEY, Map.of());
        var caseId = received.caseId();
        outage.ifPresent(o -> {
            outages.recordLinkStep(caseId, customer.id(), instanceId, o);
            outbox.enqueue(caseId, NotificationTemplate.OUTAGE_REPORT_LINKED, "outage-" + o.id(),
                    Map.of("outageId", o.id(), "expectedRestorationAt", o.expectedRestorationAt()));
        });
        var registered = cases.find(caseId).orElseThrow();
        // the process started the SLA clocks before it first waited ("Start SLA clocks")
        return new ComplaintReceipt(caseId, instanceId, registered.tier(), registered.priority(),
                registered.assignedGroup(), clocks.dueAt(caseId, SlaClock.COMPLAINT_FIRST_CONTACT).orElse(null),
                clocks.dueAt(caseId, SlaClock.COMPLAINT_RESOLUTION).orElse(null),
                outage.map(Outage::id).orElse(null), outage.map(Outage::expectedRestorationAt).orElse(null));
    }
}
