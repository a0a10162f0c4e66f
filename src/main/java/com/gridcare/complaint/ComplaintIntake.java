package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.CATEGORY;
import static com.gridcare.cases.ProcessVariables.CHANNEL;
import static com.gridcare.cases.ProcessVariables.CUSTOMER_ID;
import static com.gridcare.cases.ProcessVariables.CUSTOMER_NAME;

import com.gridcare.EngineClock;
import com.gridcare.api.NotFoundException;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseStatus;
import com.gridcare.cases.ServiceCase;
import com.gridcare.clock.CaseClocks;
import com.gridcare.clock.SlaClock;
import com.gridcare.customer.CustomerRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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

    private final CustomerRepository customers;
    private final CaseRepository cases;
    private final RuntimeService runtime;
    private final CaseClocks clocks;
    private final Clock clock;

    ComplaintIntake(CustomerRepository customers, CaseRepository cases, RuntimeService runtime, CaseClocks clocks,
            Clock clock) {
        this.customers = customers;
        this.cases = cases;
        this.runtime = runtime;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ComplaintReceipt register(ComplaintRequest request) {
        var customer = customers.find(request.customerId())
                .orElseThrow(() -> new NotFoundException("customerId: no customer " + request.customerId()));
        var now = OffsetDateTime.now(clock);
        var caseId = cases.nextId(CaseKind.COMPLAINT, now.atZoneSameInstant(EngineClock.ZONE).getYear());
        cases.insert(new ServiceCase(caseId, CaseKind.COMPLAINT, customer.id(), request.channel(),
                request.category().name(), request.description(), request.contactPhone(), request.occurredAt(), now,
                null, CaseStatus.OPEN, "RECEIVED", null, null, null, null, null), now);
        var instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(caseId)
                .setVariables(Map.of(CASE_ID, caseId, CUSTOMER_ID, customer.id(), CUSTOMER_NAME, customer.name(),
                        CHANNEL, request.channel().name(), CATEGORY, request.category().name()))
                .execute();
        cases.linkProcess(caseId, instance.getId(), now);
        var registered = cases.find(caseId).orElseThrow();
        // the process started the SLA clocks before it first waited ("Start SLA clocks")
        return new ComplaintReceipt(caseId, instance.getId(), registered.tier(), registered.priority(),
                registered.assignedGroup(), clocks.dueAt(caseId, SlaClock.COMPLAINT_FIRST_CONTACT).orElse(null),
                clocks.dueAt(caseId, SlaClock.COMPLAINT_RESOLUTION).orElse(null));
    }
}
