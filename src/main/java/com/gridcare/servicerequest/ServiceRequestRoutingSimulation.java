package com.gridcare.servicerequest;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.RoutingChanges;
import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.rules.runtime.RuleSet;
import com.gridcare.rules.publishing.RuleSimulator;
import com.gridcare.rules.publishing.SimulationReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The service requests of the last N days routed again with the current and the candidate rules. */
@Component
class ServiceRequestRoutingSimulation implements RuleSimulator {

    private final CaseRepository cases;
    private final CustomerEvaluator evaluator;
    private final ServiceRequestRouting routing;
    private final DecisionService decisions;
    private final ServiceRequests stored;

    ServiceRequestRoutingSimulation(CaseRepository cases, CustomerEvaluator evaluator,
            ServiceRequestRouting routing, DecisionService decisions, ServiceRequests requests) {
        this.stored = requests;
        this.cases = cases;
        this.evaluator = evaluator;
        this.routing = routing;
        this.decisions = decisions;
    }

    @Override
    public String section() {
        return "serviceRequestRouting";
    }

    @Override
    public Set<String> rulePackages() {
        return Set.of(CustomerEvaluator.RULE_PACKAGE, ServiceRequestRouting.RULE_PACKAGE);
    }

    @Override
    public void simulate(RuleSet current, RuleSet candidate, Scope scope, SimulationReport report) {
        var types = Arrays.stream(ServiceRequestType.values()).map(Enum::name).toList();
        var requests = cases.receivedSince(CaseKind.SERVICE_REQUEST, scope.casesFrom()).stream()
                .filter(r -> types.contains(r.category())).toList();
        var evaluated = evaluator.compare(current, candidate, requests.stream().map(r -> r.customerId()).toList(),
                scope.today());
        var factsBefore = new ArrayList<ServiceRequestFacts>();
        var factsThen = new ArrayList<ServiceRequestFacts>();
        for (var request : requests) {
            var customer = evaluated.customers().get(request.customerId());
            factsBefore.add(facts(request, customer, evaluated.before().get(customer.id())));
            factsThen.add(facts(request, customer, evaluated.then().get(customer.id())));
        }
        decisions.runAll(current, ServiceRequestRouting.RULE_PACKAGE, factsBefore);
        decisions.runAll(candidate, ServiceRequestRouting.RULE_PACKAGE, factsThen);
        var section = RoutingChanges.compare(report, "SERVICE_REQUEST", requests.stream().map(r -> r.id()).toList(),
                requests.stream().map(r -> r.customerId()).toList(),
                factsBefore.stream().map(ServiceRequestFacts::getRouting).toList(),
                factsThen.stream().map(ServiceRequestFacts::getRouting).toList());
        report.section(section(), section);
    }

    private ServiceRequestFacts facts(com.gridcare.cases.ServiceCase request, Customer customer, CustomerFacts evaluated) {
        // routed as the intake routed it: with the voltage the request asked for (connections)
        var voltage = stored.find(request.id()).map(r -> r.details().voltageKv()).orElse(null);
        var facts = routing.facts(request, customer, evaluated.getTier(), voltage);
        facts.setImportant(evaluated.getFlags().contains("IMPORTANT"));
        facts.setPriorityCare(evaluated.getFlags().contains("PRIORITY_CARE"));
        return facts;
    }
}
