package com.gridcare.complaint;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.RoutingChanges;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.rules.runtime.RuleSet;
import com.gridcare.rules.publishing.RuleSimulator;
import com.gridcare.rules.publishing.SimulationReport;
import java.util.ArrayList;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The complaints of the last N days routed again with the current and the candidate rules (the
 * customer's tier and flags decided by the same rules): routing changes per group and priority changes.
 */
@Component
class ComplaintRoutingSimulation implements RuleSimulator {

    private final CaseRepository cases;
    private final CustomerEvaluator evaluator;
    private final ComplaintRouting routing;
    private final DecisionService decisions;

    ComplaintRoutingSimulation(CaseRepository cases, CustomerEvaluator evaluator,
            ComplaintRouting routing, DecisionService decisions) {
        this.cases = cases;
        this.evaluator = evaluator;
        this.routing = routing;
        this.decisions = decisions;
    }

    @Override
    public String section() {
        return "complaintRouting";
    }

    @Override
    public Set<String> rulePackages() {
        return Set.of(CustomerEvaluator.RULE_PACKAGE, ComplaintRouting.RULE_PACKAGE);
    }

    @Override
    public void simulate(RuleSet current, RuleSet candidate, Scope scope, SimulationReport report) {
        var complaints = cases.receivedSince(CaseKind.COMPLAINT, scope.casesFrom());
        var evaluated = evaluator.compare(current, candidate, complaints.stream().map(c -> c.customerId()).toList(),
                scope.today());
        var factsBefore = new ArrayList<ComplaintFacts>();
        var factsThen = new ArrayList<ComplaintFacts>();
        for (var complaint : complaints) {
            var a = evaluated.before().get(complaint.customerId());
            var b = evaluated.then().get(complaint.customerId());
            var facts = routing.facts(complaint, a.getTier(), a.getFlags());
            factsBefore.add(facts);
            var other = facts.copyInputs();
            other.setTier(b.getTier());
            other.setImportant(b.getFlags().contains("IMPORTANT"));
            other.setPriorityCare(b.getFlags().contains("PRIORITY_CARE"));
            factsThen.add(other);
        }
        decisions.runAll(current, ComplaintRouting.RULE_PACKAGE, factsBefore);
        decisions.runAll(candidate, ComplaintRouting.RULE_PACKAGE, factsThen);
        report.section(section(), RoutingChanges.compare(report, "COMPLAINT", complaints.stream().map(c -> c.id()).toList(),
                complaints.stream().map(c -> c.customerId()).toList(),
                factsBefore.stream().map(ComplaintFacts::getRouting).toList(),
                factsThen.stream().map(ComplaintFacts::getRouting).toList()));
    }
}
