package com.gridcare.complaint;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.RoutingChanges;
import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.rules.DecisionService;
import com.gridcare.rules.RuleSet;
import com.gridcare.rules.RuleSimulator;
import com.gridcare.rules.SimulationReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The complaints of the last N days routed again with the current and the candidate rules (the
 * customer's tier and flags decided by the same rules): routing changes per group and priority changes.
 */
@Component
class ComplaintRoutingSimulation implements RuleSimulator {

    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final CustomerEvaluator evaluator;
    private final ComplaintRouting routing;
    private final DecisionService decisions;

    ComplaintRoutingSimulation(CaseRepository cases, CustomerRepository customers, CustomerEvaluator evaluator,
            ComplaintRouting routing, DecisionService decisions) {
        this.cases = cases;
        this.customers = customers;
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
        var byCustomer = new LinkedHashMap<String, Customer>();
        for (var c : complaints) byCustomer.computeIfAbsent(c.customerId(), id -> customers.find(id).orElseThrow());
        var people = List.copyOf(byCustomer.values());
        var histories = customers.histories(byCustomer.keySet(), scope.today());
        var before = index(evaluator.evaluateAll(current, people, histories, scope.today()));
        var then = index(evaluator.evaluateAll(candidate, people, histories, scope.today()));
        var factsBefore = new ArrayList<ComplaintFacts>();
        var factsThen = new ArrayList<ComplaintFacts>();
        for (var complaint : complaints) {
            var a = before.get(complaint.customerId());
            var b = then.get(complaint.customerId());
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

    private static Map<String, CustomerFacts> index(List<CustomerFacts> facts) {
        var map = new HashMap<String, CustomerFacts>();
        facts.forEach(f -> map.put(f.getCustomerId(), f));
        return map;
    }
}
