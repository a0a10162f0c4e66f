package com.gridcare.customer;

import com.gridcare.rules.runtime.Decision;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.rules.runtime.RuleEvaluationException;
import com.gridcare.rules.runtime.RuleSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Evaluates a customer with the customer rules (tier, flags, segments) and records the decision. */
@Service
public class CustomerEvaluator {

    public static final String DECISION_KIND = "CUSTOMER_EVALUATION";
    public static final String RULE_PACKAGE = "customer";

    /** A recorded evaluation and its tier in one sentence ("tier KEY because 2.3 GWh ≥ 1 GWh"). */
    public record Evaluated(Decision<CustomerEvaluation> decision, String tierReason) {
        public CustomerEvaluation evaluation() {
            return decision.output();
        }
    }

    private final CustomerRepository customers;
    private final DecisionService decisions;
    private final Clock clock;

    CustomerEvaluator(CustomerRepository customers, DecisionService decisions, Clock clock) {
        this.customers = customers;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The rules' view of a customer today. */
    public CustomerFacts facts(Customer customer) {
        var today = LocalDate.now(clock);
        return facts(customer, customers.history(customer.id(), today), today);
    }

    /** The rules' view of a customer, from its history over the 12 months up to {@code today}. */
    public static CustomerFacts facts(Customer customer, CustomerRepository.History history, LocalDate today) {
        var facts = new CustomerFacts();
        facts.setCustomerId(customer.id());
        facts.setCustomerClass(customer.customerClass());
        facts.setAnnualKwh(history.annualKwh());
        facts.setSupplyVoltageKv(customer.supplyVoltageKv().doubleValue());
        facts.setContractedCapacityKva(customer.contractedCapacityKva().doubleValue());
        facts.setCriticalLoad(customer.criticalLoad());
        facts.setPriorityCare(customer.priorityCare());
        facts.setGreenPreference(customer.greenPreference());
        facts.setGreenPlan(customer.greenPlan());
        facts.setContactsLastYear(history.contactsLastYear());
        facts.setDigitalContactsLastYear(history.digitalContactsLastYear());
        facts.setBillingComplaintsLast12Months(history.billingComplaintsLast12Months());
        facts.setTenureYears(ChronoUnit.DAYS.between(customer.contractStart(), today) / 365.25);
        facts.setMonthsAsCustomer((int) Math.max(0, ChronoUnit.MONTHS.between(customer.contractStart(), today)));
        facts.setContractTermYears(customer.contractTermYears() == null ? 0 : customer.contractTermYears());
        facts.setOnTimePaymentShare(history.onTimePaymentShare());
        facts.setArrearsOver90Days(history.arrearsOver90Days());
        return facts;
    }

    /**
     * Evaluates many customers with the given rules without recording decisions (simulation): the facts,
     * each holding its evaluation, in the order of {@code customers}.
     */
    public List<CustomerFacts> evaluateAll(RuleSet ruleSet, List<Customer> customers,
            Map<String, CustomerRepository.History> histories, LocalDate today) {
        var facts = customers.stream().map(c -> facts(c, histories.get(c.id()), today)).toList();
        decisions.runAll(ruleSet, RULE_PACKAGE, facts);
        return facts;
    }

    /** The customers of some cases evaluated with the live and with candidate rules, by customer id. */
    public record Comparison(Map<String, Customer> customers, Map<String, CustomerFacts> before,
            Map<String, CustomerFacts> then) {}

    /**
     * Evaluates the given customers (each once, however many cases they have) with both rule sets,
     * without recording decisions: what a routing simulation needs to route their cases twice.
     */
    public Comparison compare(RuleSet current, RuleSet candidate, Collection<String> customerIds, LocalDate today) {
        var ids = new LinkedHashSet<>(customerIds);
        var people = ids.stream().map(id -> customers.find(id).orElseThrow()).toList();
        var histories = customers.histories(ids, today);
        var byId = new HashMap<String, Customer>();
        people.forEach(c -> byId.put(c.id(), c));
        return new Comparison(byId, byCustomer(evaluateAll(current, people, histories, today)),
                byCustomer(evaluateAll(candidate, people, histories, today)));
    }

    private static Map<String, CustomerFacts> byCustomer(List<CustomerFacts> facts) {
        var map = new HashMap<String, CustomerFacts>();
        facts.forEach(f -> map.put(f.getCustomerId(), f));
        return map;
    }

    /** Evaluates, records the decision about {@code subject}, and stores the result on the customer. */
    public Evaluated evaluate(Customer customer, DecisionService.Subject subject) {
        var facts = facts(customer);
        var ruleSet = decisions.current();
        var decision = decisions.decide(ruleSet, DECISION_KIND, RULE_PACKAGE, subject, facts,
                CustomerFacts::getEvaluation, (f, rules) -> f.getEvaluation().explain(f, rules));
        if (decision.output().getTier() == null) {
            throw new RuleEvaluationException("the customer rules (" + ruleSet.version() + ") gave customer "
                    + customer.id() + " no tier: no row of the tier table matched", null);
        }
        customers.saveEvaluation(customer.id(), decision.output(), OffsetDateTime.now(clock));
        return new Evaluated(decision, decision.output().explainTier(facts, ruleSet.rulePackage(RULE_PACKAGE)));
    }
}
