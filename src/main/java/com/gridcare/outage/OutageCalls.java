package com.gridcare.outage;

import com.gridcare.kernel.Groups;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * Phone calls to IMPORTANT and PRIORITY_CARE customers before an outage's notice deadline: who calls
 * (the group that owns the customer: key accounts for KEY and STRATEGIC customers, else customer
 * service), by when, and each call's own clock (MET or BREACHED).
 */
@Service
class OutageCalls {

    private final OutageRepository outages;
    private final OutageProperties properties;
    private final Clock clock;

    OutageCalls(OutageRepository outages, OutageProperties properties, Clock clock) {
        this.outages = outages;
        this.properties = properties;
        this.clock = clock;
    }

    List<String> customers(String outageId) {
        return outages.flagged(outageId).stream().map(OutageRepository.Flagged::customerId).toList();
    }

    String group(String outageId, String customerId) {
        var tier = outages.tierOf(outageId, customerId).orElse("");
        return tier.equals("KEY") || tier.equals("STRATEGIC") ? Groups.KEY_ACCOUNTS : Groups.CUSTOMER_SERVICE;
    }

    /**
     * When the call is due: {@code callAhead} before the notice deadline. Where that has passed at
     * registration (a supervisor's override, a fault, temporary work without important customers) the
     * call gets {@code callWithin} from registration, but never later than the outage's start.
     */
    OffsetDateTime dueAt(Outage outage) {
        var registered = outage.registeredAt();
        var beforeDeadline = outage.noticeDeadline().minus(properties.callAhead());
        if (outage.kind().announced() && beforeDeadline.isAfter(registered)) return beforeDeadline;
        var soon = registered.plus(properties.callWithin());
        return outage.kind().announced() && outage.startsAt().isBefore(soon) ? outage.startsAt() : soon;
    }

    OffsetDateTime dueAt(String outageId) {
        return dueAt(outages.find(outageId).orElseThrow());
    }

    void created(String outageId, String customerId, DelegateTask task) {
        outages.callCreated(outageId, customerId, group(outageId, customerId), dueAt(outageId), task.getId());
    }

    void completed(String outageId, String customerId, DelegateTask task) {
        var reached = task.getVariable("customerReached");
        var note = task.getVariable("callNote");
        outages.callDone(outageId, customerId, OutageDelegates.assignee(task),
                reached instanceof Boolean b ? b : null, note == null ? null : note.toString(), OffsetDateTime.now(clock));
    }

    void overdue(String outageId, String customerId) {
        outages.callOverdue(outageId, customerId);
    }

    List<OutageRepository.Call> of(String outageId) {
        return outages.calls(outageId);
    }
}
