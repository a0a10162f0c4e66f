package com.gridcare.cases;

import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;

/** The customer's tier at the time of a case: evaluated by the customer rules and kept on the case. */
@Service
public class CaseTiers {

    private final CaseRepository cases;
    private final CustomerEvaluator evaluator;
    private final Clock clock;

    CaseTiers(CaseRepository cases, CustomerEvaluator evaluator, Clock clock) {
        this.cases = cases;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** Evaluates the customer for the case and records the tier on the case. */
    public CustomerEvaluator.Evaluated evaluate(String caseId, Customer customer) {
        var evaluated = evaluator.evaluate(customer, DecisionService.Subject.caseOf(caseId, customer.id()));
        cases.recordTier(caseId, evaluated.evaluation().getTier().name(), OffsetDateTime.now(clock));
        return evaluated;
    }
}
