package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.CUSTOMER_FLAGS;
import static com.gridcare.cases.ProcessVariables.EVALUATION_DECISION_ID;
import static com.gridcare.cases.ProcessVariables.TIER;
import static com.gridcare.cases.ProcessVariables.TIER_REASON;

import com.gridcare.cases.CaseRepository;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.rules.DecisionService;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Evaluate customer": tier, flags and segments by the customer rules, recorded on the case. */
@Component("evaluateCustomer")
class EvaluateCustomerDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final CustomerEvaluator evaluator;
    private final Clock clock;

    EvaluateCustomerDelegate(CaseRepository cases, CustomerRepository customers, CustomerEvaluator evaluator,
            Clock clock) {
        this.cases = cases;
        this.customers = customers;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var caseId = execution.getVariable(CASE_ID);
        var serviceCase = cases.find(caseId instanceof String id ? id : null).orElseThrow(() -> new BadUserRequestException(
                CASE_ID + ": a case process runs for a case GridCare's intake registered (POST /api/v1/complaints or "
                        + "/api/v1/service-requests); there is none with id '" + caseId + "'"));
        var customer = customers.find(serviceCase.customerId()).orElseThrow();
        var evaluated = evaluator.evaluate(customer, DecisionService.Subject.caseOf(serviceCase.id(), customer.id()));
        var evaluation = evaluated.evaluation();
        cases.recordTier(serviceCase.id(), evaluation.getTier().name(), OffsetDateTime.now(clock));
        execution.setVariable(TIER, evaluation.getTier().name());
        execution.setVariable(CUSTOMER_FLAGS, String.join(", ", evaluation.getFlags()));
        execution.setVariable(TIER_REASON, evaluated.tierReason());
        execution.setVariable(EVALUATION_DECISION_ID, evaluated.decision().id());
    }
}
