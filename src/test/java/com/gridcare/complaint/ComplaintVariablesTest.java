package com.gridcare.complaint;

import com.gridcare.kernel.process.CaseVariables;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.cases.Channel;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A running complaint keeps at most {@value #MAX} variables, counted at every wait state of its
 * busiest path: escalated at first contact, reminded, at regulatory risk, waiting for the customer,
 * goodwill above the limit, reopened, resolved. Counted as the engine stores them (every variable row
 * of the instance: its executions' and its tasks' own) and as a model sees them
 * ({@code getVariables} of the instance and of each execution, plus each task's local variables).
 */
@GridCareTest
class ComplaintVariablesTest {

    static final int MAX = 8;

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    TestData testData;
    @Autowired
    TransactionTemplate transactions;

    String pi;
    /** The most variables seen, by wait state. */
    final Map<String, Integer> seen = new TreeMap<>();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void count(String waitState) {
        long stored = runtime.createVariableInstanceQuery().processInstanceIdIn(pi).count();
        var names = new TreeSet<>(runtime.getVariables(pi).keySet());
        for (var execution : runtime.createExecutionQuery().processInstanceId(pi).list()) {
            names.addAll(runtime.getVariables(execution.getId()).keySet());
        }
        long taskLocal = 0;
        for (var task : tasks.createTaskQuery().processInstanceId(pi).list()) {
            taskLocal += tasks.getVariablesLocal(task.getId()).size();
        }
        seen.put(waitState, (int) Math.max(stored, names.size() + taskLocal));
        assertThat(stored).as("variables stored at %s: %s", waitState, names).isLessThanOrEqualTo(MAX);
        assertThat(names.size() + taskLocal).as("variables seen at %s: %s", waitState, names)
                .isLessThanOrEqualTo(MAX);
    }

    private void complete(String key, Map<String, Object> variables) {
        var task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        tasks.complete(task.getId(), variables);
        AsyncSteps.run(management, pi);
    }

    private void fire(String boundaryEvent) {
        var job = management.createJobQuery().processInstanceId(pi).activityId(boundaryEvent).timers().singleResult();
        assertThat(job).as("timer %s", boundaryEvent).isNotNull();
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        management.executeJob(job.getId());
        AsyncSteps.run(management, pi);
    }

    private static Map<String, Object> resolution(Object goodwill) {
        var variables = new HashMap<String, Object>(Map.of("askCustomer", false, "rootCause", "METER_READING",
                "findings", "The October reading was estimated.", "justified", "JUSTIFIED",
                "resolution", "Meter read again and the bill reissued."));
        if (goodwill != null) {
            variables.put("compensationAmount", goodwill);
            variables.put("compensationReason", "Goodwill for the wrong bill");
        }
        return variables;
    }

    @Test
    void aComplaintOnItsBusiestPathNeverKeepsMoreThanEightVariables() {
        var receipt = transactions.execute(tx -> intake.register(new ComplaintRequest(testData.strategic(),
                Channel.HOTLINE, ComplaintCategory.BILLING, "The October bill is twice the usual amount.", null, null)));
        pi = receipt.processInstanceId();
        AsyncSteps.run(management, pi);
        count("first contact");
        assertThat(runtime.getVariables(pi)).containsOnlyKeys(CaseVariables.CASE_ID, CaseVariables.CUSTOMER_ID,
                CaseVariables.TIER, CaseVariables.ASSIGNED_GROUP, CaseVariables.PRIORITY);

        fire("BoundaryEvent_FirstContactOverdue");
        count("first contact overdue, supervisors reviewing");
        complete("Task_ReviewOverdueFirstContact", Map.of("reviewNote", "Called the customer myself."));
        complete("Task_ContactCustomer", Map.of("contactOutcome", "NOT_REACHED", "contactNote", "Voicemail."));
        count("contact again");
        complete("Task_ContactCustomer", Map.of("contactOutcome", "REACHED", "contactNote", "Agreed next steps."));
        count("investigation");

        fire("BoundaryEvent_ResolutionWarning");
        fire("BoundaryEvent_StatutoryAlarm");
        count("investigation, reminded and at regulatory risk");
        complete("Task_ResolveComplaint", Map.of("askCustomer", true, "customerQuestion", "Which meter number?"));
        count("waiting for the customer, at regulatory risk");
        assertThat(runtime.getVariables(pi)).containsEntry(CaseVariables.WAITING_FOR_CUSTOMER, true)
                .containsEntry(CaseVariables.REGULATORY_RISK, true).containsEntry(CaseVariables.ESCALATED, true);
        complete("Task_WaitForCustomer", Map.of("customerReply", "Meter 4711."));
        count("investigation after the reply");

        complete("Task_ResolveComplaint", resolution(5000));
        count("goodwill above the limit");
        complete("Task_ApproveCompensation", Map.of("compensationDecision", "APPROVED", "approvalNote", "Fine."));
        count("confirmation");
        complete("Task_ConfirmResult", Map.of("customerConfirmation", "NOT_RESOLVED", "customerFeedback", "No."));
        count("reopened");
        complete("Task_ResolveComplaint", resolution(null));
        count("confirmation after reopening");
        complete("Task_HandleRegulatoryRisk", Map.of("riskNote", "Manager resolves it today."));
        complete("Task_ConfirmResult", Map.of("customerConfirmation", "RESOLVED", "customerFeedback", "Fine now."));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).as("closed").isZero();
        assertThat(seen).as("variables by wait state").hasSize(11).allSatisfy((state, n) -> assertThat(n).isPositive());
    }
}
