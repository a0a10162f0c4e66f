package com.gridcare.complaint;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseLinks;
import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.EscalationKind;
import com.gridcare.cases.ServiceCase;
import com.gridcare.kernel.Groups;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repeat complaints: the same customer's complaints in the same category within the 30 days before
 * this one. The routing rules count them (priority raised, the third to {@code supervisors}); this
 * links the cases and records the third as an escalation.
 */
@Service
public class RepeatComplaints {

    static final int DAYS = 30;
    /** The third complaint (two earlier ones) goes to supervisors, as the routing rules say. */
    static final int ESCALATE_FROM_EARLIER = 2;

    private final CaseRepository cases;
    private final CaseLinks links;
    private final CaseRecords records;
    private final Clock clock;

    RepeatComplaints(CaseRepository cases, CaseLinks links, CaseRecords records, Clock clock) {
        this.cases = cases;
        this.links = links;
        this.records = records;
        this.clock = clock;
    }

    /** Ids of the earlier complaints of the same customer and category within 30 days, oldest first. */
    List<String> earlier(ServiceCase complaint) {
        var earlier = new ArrayList<>(cases.ofCustomer(complaint.customerId(), complaint.receivedAt().minusDays(DAYS),
                complaint.receivedAt()).stream()
                .filter(c -> c.kind() == CaseKind.COMPLAINT && c.category().equals(complaint.category())
                        && !c.id().equals(complaint.id()))
                .map(ServiceCase::id).toList());
        Collections.reverse(earlier);
        return earlier;
    }

    /**
     * Links the complaint to its earlier ones and, from the third, records the escalation to supervisors.
     *
     * @return the linked case ids
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> link(ServiceCase complaint, String activityId) {
        var earlier = earlier(complaint);
        links.link(complaint.id(), earlier, "REPEAT_COMPLAINT", OffsetDateTime.now(clock));
        if (earlier.size() >= ESCALATE_FROM_EARLIER && records.escalations(complaint.id()).stream()
                .noneMatch(e -> e.kind() == EscalationKind.REPEAT_COMPLAINT)) {
            records.escalate(complaint.id(), 2, EscalationKind.REPEAT_COMPLAINT, Groups.SUPERVISORS, null, activityId);
        }
        return earlier;
    }

    /** The complaints linked to this one, oldest first. */
    public List<String> linked(String caseId) {
        return links.linked(caseId);
    }
}
