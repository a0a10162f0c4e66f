package com.gridcare.servicerequest;

import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.Routing;
import com.gridcare.cases.ServiceCase;
import com.gridcare.customer.Customer;
import com.gridcare.customer.Tier;
import com.gridcare.rules.runtime.Decision;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.rules.runtime.RuleEvaluationException;
import com.gridcare.rules.runtime.RuleSet;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Routes a service request with the service-request routing rules ({@code rules/requestrouting}):
 * the owning group, the group doing site work, the priority; records the decision and the case's
 * group and priority.
 */
@Service
public class ServiceRequestRouting {

    public static final String DECISION_KIND = "SERVICE_REQUEST_ROUTING";
    public static final String RULE_PACKAGE = "requestrouting";

    private final DecisionService decisions;
    private final CaseRepository cases;
    private final Clock clock;

    ServiceRequestRouting(DecisionService decisions, CaseRepository cases, Clock clock) {
        this.decisions = decisions;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * The routing rules' view of a request.
     *
     * @param supplyVoltageKv the voltage of the connection concerned; null for the customer's supply voltage
     */
    public ServiceRequestFacts facts(ServiceCase request, Customer customer, Tier tier, BigDecimal supplyVoltageKv) {
        var facts = new ServiceRequestFacts();
        facts.setCaseId(request.id());
        facts.setType(ServiceRequestType.valueOf(request.category()));
        facts.setTier(tier);
        facts.setSupplyVoltageKv((supplyVoltageKv != null ? supplyVoltageKv : customer.supplyVoltageKv()).doubleValue());
        facts.setImportant(customer.flags().contains("IMPORTANT"));
        facts.setPriorityCare(customer.flags().contains("PRIORITY_CARE"));
        return facts;
    }

    /**
     * Routes, records the decision and the case's group and priority.
     *
     * @param tierReason the customer evaluation's sentence, joined to the why; may be null
     */
    public Decision<Routing> route(ServiceCase request, Customer customer, Tier tier, BigDecimal supplyVoltageKv,
            String tierReason) {
        var facts = facts(request, customer, tier, supplyVoltageKv);
        var decision = decisions.decide(DECISION_KIND, RULE_PACKAGE,
                DecisionService.Subject.caseOf(request.id(), customer.id()), facts, ServiceRequestFacts::getRouting,
                (f, rules) -> f.getRouting().explainRoute(rules)
                        + (tierReason == null || tierReason.isBlank() ? "" : "; " + tierReason)
                        + "; " + f.getRouting().explainPriority());
        requireRouted(decision.output(), request.id(), decision.ruleVersion());
        cases.recordRouting(request.id(), decision.output().getGroup(), decision.output().getPriority(),
                OffsetDateTime.now(clock));
        return decision;
    }

    /** Routes with the given rules without recording anything (simulation). */
    public Routing routeWith(RuleSet ruleSet, ServiceRequestFacts facts) {
        decisions.run(ruleSet, RULE_PACKAGE, List.of(facts));
        return facts.getRouting();
    }

    static void requireRouted(Routing routing, String caseId, String version) {
        if (routing.getConflictingRule() != null) {
            throw new RuleEvaluationException("the service-request routing rules (" + version + ") matched two rows for "
                    + caseId + ": '" + routing.getRouteRule() + "' and '" + routing.getConflictingRule()
                    + "'; exactly one row must match", null);
        }
        if (!routing.isRouted()) {
            throw new RuleEvaluationException("the service-request routing rules (" + version
                    + ") matched no row for " + caseId, null);
        }
    }
}
