package com.gridcare.customer;

import com.gridcare.rules.Decision;
import com.gridcare.rules.DecisionService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;

/** Evaluates a customer with the customer rules (tier, flags, segments) and records the decision. */
@Service
public class CustomerEvaluator {

    public static final String DECISION_KIND = "CUSTOMER_EVALUATION";
    public static final String RULE_PACKAGE = "customer";

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
        var history = customers.history(customer.id(), today);
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
        facts.setContractTermYears(customer.contractTermYears() == null ? 0 : customer.contractTermYears());
        facts.setOnTimePaymentShare(history.onTimePaymentShare());
        facts.setArrearsOver90Days(history.arrearsOver90Days());
        return facts;
    }

    /** Evaluates, records the decision about {@code subject}, and stores the result on the customer. */
    public Decision<CustomerEvaluation> evaluate(Customer customer, DecisionService.Subject subject) {
        var facts = facts(customer);
        var decision = decisions.decide(DECISION_KIND, RULE_PACKAGE, subject, facts, new CustomerEvaluation(),
                java.util.List.of(), evaluation -> evaluation.explain(facts));
        if (decision.output().getTier() == null) {
            throw new IllegalStateException("the customer rules gave customer " + customer.id() + " no tier");
        }
        customers.saveEvaluation(customer.id(), decision.output(), java.time.OffsetDateTime.now(clock));
        return decision;
    }
}
