package com.gridcare.complaint;

import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.EscalationKind;
import com.gridcare.cases.ServiceCase;
import com.gridcare.security.Groups;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final CaseRecords records;
    private final Clock clock;

    RepeatComplaints(JdbcClient jdbc, CaseRepository cases, CaseRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.records = records;
        this.clock = clock;
    }

    /** Ids of the earlier complaints of the same customer and category within 30 days, oldest first. */
    static List<String> earlier(JdbcClient jdbc, ServiceCase complaint) {
        return jdbc.sql("""
                SELECT id FROM service_case
                 WHERE customer_id = ? AND kind = 'COMPLAINT' AND category = ? AND id <> ?
                   AND received_at >= ? AND received_at <= ?
                 ORDER BY received_at, id""")
                .params(complaint.customerId(), complaint.category(), complaint.id(),
                        complaint.receivedAt().minusDays(DAYS), complaint.receivedAt())
                .query(String.class).list();
    }

    /**
     * Links the complaint to its earlier ones and, from the third, records the escalation to supervisors.
     *
     * @return the linked case ids
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> link(String caseId, String activityId) {
        var complaint = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
        var earlier = earlier(jdbc, complaint);
        var now = OffsetDateTime.now(clock);
        for (var other : earlier) {
            jdbc.sql("""
                    INSERT INTO case_link (case_id, linked_case_id, reason, linked_at)
                    SELECT ?, ?, 'REPEAT_COMPLAINT', ?
                     WHERE NOT EXISTS (SELECT 1 FROM case_link WHERE case_id = ? AND linked_case_id = ?)""")
                    .params(caseId, other, now, caseId, other).update();
        }
        if (earlier.size() >= ESCALATE_FROM_EARLIER && records.escalations(caseId).stream()
                .noneMatch(e -> e.kind() == EscalationKind.REPEAT_COMPLAINT)) {
            records.escalate(caseId, 2, EscalationKind.REPEAT_COMPLAINT, Groups.SUPERVISORS, null, activityId);
        }
        return earlier;
    }

    /** The complaints linked to this one, oldest first. */
    public List<String> linked(String caseId) {
        return jdbc.sql("SELECT linked_case_id FROM case_link WHERE case_id = ? ORDER BY linked_case_id")
                .param(caseId).query(String.class).list();
    }
}
