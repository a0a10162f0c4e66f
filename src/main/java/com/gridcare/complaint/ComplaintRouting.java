package com.gridcare.complaint;

import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.Routing;
import com.gridcare.cases.ServiceCase;
import com.gridcare.customer.Customer;
import com.gridcare.customer.Tier;
import com.gridcare.rules.runtime.Decision;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.rules.runtime.RuleEvaluationException;
import com.gridcare.rules.runtime.RuleSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Routes a complaint with the complaint routing rules and records the decision on the case. */
@Service
public class ComplaintRouting {

    public static final String DECISION_KIND = "COMPLAINT_ROUTING";
    public static final String RULE_PACKAGE = "complaintrouting";

    private final DecisionService decisions;
    private final CaseRepository cases;
    private final RepeatComplaints repeats;
    private final Clock clock;

    ComplaintRouting(DecisionService decisions, CaseRepository cases, RepeatComplaints repeats, Clock clock) {
        this.decisions = decisions;
        this.cases = cases;
        this.repeats = repeats;
        this.clock = clock;
    }

    /** The routing rules' view of a complaint: its category, the customer's tier and flags, earlier complaints. */
    public ComplaintFacts facts(ServiceCase complaint, Tier tier, Set<String> flags) {
        var facts = new ComplaintFacts();
        facts.setCaseId(complaint.id());
        facts.setCategory(ComplaintCategory.valueOf(complaint.category()));
        facts.setChannel(complaint.channel());
        facts.setTier(tier);
        facts.setImportant(flags.contains("IMPORTANT"));
        facts.setPriorityCare(flags.contains("PRIORITY_CARE"));
        facts.setEarlierComplaintsSameCategory(earlierComplaints(complaint));
        return facts;
    }

    /**
     * Routes, records the decision and the case's group and priority.
     *
     * @param tierReason the customer evaluation's sentence ("tier KEY because 2.3 GWh ≥ 1 GWh"), joined to the why
     */
    public Decision<Routing> route(ServiceCase complaint, Customer customer, Tier tier, String tierReason) {
        var facts = facts(complaint, tier, customer.flags());
        var decision = decisions.decide(DECISION_KIND, RULE_PACKAGE,
                DecisionService.Subject.caseOf(complaint.id(), customer.id()), facts, ComplaintFacts::getRouting,
                (f, rules) -> f.getRouting().explainRoute(rules)
                        + (tierReason == null || tierReason.isBlank() ? "" : "; " + tierReason)
                        + "; " + f.getRouting().explainPriority());
        requireRouted(decision.output(), complaint.id(), decision.ruleVersion());
        cases.recordRouting(complaint.id(), decision.output().getGroup(), decision.output().getPriority(),
                OffsetDateTime.now(clock));
        return decision;
    }

    /** Routes with the given rules without recording anything (simulation). */
    public Routing routeWith(RuleSet ruleSet, ComplaintFacts facts) {
        decisions.run(ruleSet, RULE_PACKAGE, java.util.List.of(facts));
        return facts.getRouting();
    }

    static void requireRouted(Routing routing, String caseId, String version) {
        if (routing.getConflictingRule() != null) {
            throw new RuleEvaluationException("the routing rules (" + version + ") matched two rows for case " + caseId
                    + ": '" + routing.getRouteRule() + "' and '" + routing.getConflictingRule() + "'; exactly one row must match", null);
        }
        if (!routing.isRouted()) {
            throw new RuleEvaluationException("the routing rules (" + version + ") matched no row for case " + caseId, null);
        }
    }

    private int earlierComplaints(ServiceCase complaint) {
        return repeats.earlier(complaint).size();
    }
}
