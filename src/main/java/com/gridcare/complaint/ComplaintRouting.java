package com.gridcare.complaint;

import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.Routing;
import com.gridcare.cases.ServiceCase;
import com.gridcare.customer.Customer;
import com.gridcare.customer.Tier;
import com.gridcare.rules.Decision;
import com.gridcare.rules.DecisionService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Routes a complaint with the complaint routing rules and records the decision on the case. */
@Service
public class ComplaintRouting {

    public static final String DECISION_KIND = "COMPLAINT_ROUTING";
    public static final String RULE_PACKAGE = "complaintrouting";

    private final DecisionService decisions;
    private final CaseRepository cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    ComplaintRouting(DecisionService decisions, CaseRepository cases, JdbcClient jdbc, Clock clock) {
        this.decisions = decisions;
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Decision<Routing> route(ServiceCase complaint, Customer customer, Tier tier) {
        var facts = new ComplaintFacts();
        facts.setCategory(ComplaintCategory.valueOf(complaint.category()));
        facts.setChannel(complaint.channel());
        facts.setTier(tier);
        facts.setImportant(customer.flags().contains("IMPORTANT"));
        facts.setPriorityCare(customer.flags().contains("PRIORITY_CARE"));
        facts.setEarlierComplaintsSameCategory(earlierComplaints(complaint));
        var decision = decisions.decide(DECISION_KIND, RULE_PACKAGE,
                DecisionService.Subject.caseOf(complaint.id(), customer.id()), facts, new Routing(), List.of(),
                Routing::explain);
        if (!decision.output().isRouted()) {
            throw new IllegalStateException("no routing rule matched complaint " + complaint.id());
        }
        cases.recordRouting(complaint.id(), decision.output().getGroup(), decision.output().getPriority(),
                OffsetDateTime.now(clock));
        return decision;
    }

    private int earlierComplaints(ServiceCase complaint) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM service_case
                 WHERE customer_id = ? AND kind = 'COMPLAINT' AND category = ? AND id <> ?
                   AND received_at >= ? AND received_at <= ?""")
                .params(complaint.customerId(), complaint.category(), complaint.id(),
                        complaint.receivedAt().minusDays(30), complaint.receivedAt())
                .query(Integer.class).single();
    }
}
