package com.gridcare.cases;

import static com.gridcare.kernel.process.CaseVariables.CASE_ID;
import static com.gridcare.kernel.process.CaseVariables.CUSTOMER_ID;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.insight.ServiceMetrics;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every intake does: find the customer, number and record the case, start its process with
 * the case number as business key and link the two. In the caller's transaction, so that an intake
 * that fails later (its own records, the process's first steps) leaves nothing behind.
 */
@Service
public class CaseIntake {

    /** A case as recorded, before its process started. */
    public record Received(String caseId, Customer customer, OffsetDateTime receivedAt) {
    }

    private final CustomerRepository customers;
    private final CaseRepository cases;
    private final RuntimeService runtime;
    private final Clock clock;
    private final ServiceMetrics metrics;

    CaseIntake(CustomerRepository customers, CaseRepository cases, RuntimeService runtime, Clock clock,
            ServiceMetrics metrics) {
        this.metrics = metrics;
        this.customers = customers;
        this.cases = cases;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The customer a case is for; 404 naming {@code customerId} when unknown. */
    public Customer customer(String customerId) {
        return customers.find(customerId)
                .orElseThrow(() -> new NotFoundException("customerId: no customer " + customerId));
    }

    /** Channel systems register cases through their own channel; {@link Channel#SYSTEM} is GridCare's own. */
    public static void requireChannelSystem(Channel channel) {
        if (channel == Channel.SYSTEM) {
            throw new InvalidFieldException("channel", "SYSTEM is reserved for cases GridCare opens itself");
        }
    }

    /** Numbers and records a new open case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Received record(CaseKind kind, Customer customer, Channel channel, String category, String description,
            String contactPhone, OffsetDateTime occurredAt) {
        var now = OffsetDateTime.now(clock);
        var caseId = cases.nextId(kind, now.atZoneSameInstant(EngineClock.ZONE).getYear());
        cases.insert(new ServiceCase(caseId, kind, customer.id(), channel, category, description, contactPhone,
                occurredAt, now, null, CaseStatus.OPEN, "RECEIVED", null, null, null, null, null), now);
        metrics.intake(kind.name(), channel.name());
        return new Received(caseId, customer, now);
    }

    /**
     * Starts the case's process with the variables every case process keeps (case and customer) and
     * {@code more}; the process runs to its first wait state before this returns.
     *
     * @return the process instance id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String start(Received received, String processKey, Map<String, Object> more) {
        var variables = new HashMap<String, Object>(more);
        variables.put(CASE_ID, received.caseId());
        variables.put(CUSTOMER_ID, received.customer().id());
        var instance = runtime.createProcessInstanceByKey(processKey)
                .businessKey(received.caseId())
                .setVariables(variables)
                .execute();
        cases.linkProcess(received.caseId(), instance.getId(), received.receivedAt());
        return instance.getId();
    }
}
