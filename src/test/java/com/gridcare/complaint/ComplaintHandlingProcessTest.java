package com.gridcare.complaint;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.gridcare.cases.Channel;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@GridCareTest
class ComplaintHandlingProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    TestData testData;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @Test
    void shouldRouteAStrategicBillingComplaintToKeyAccounts() {
        var receipt = transactions.execute(tx -> intake.register(new ComplaintRequest(testData.strategic(),
                Channel.EMAIL, ComplaintCategory.BILLING, "Demand charge wrong", null, null)));
        var instance = runtime.createProcessInstanceQuery().processInstanceId(receipt.processInstanceId())
                .singleResult();

        assertThat(instance).hasPassed("Task_EvaluateCustomer", "Task_RouteComplaint", "Task_StartSlaClocks")
                .isWaitingAt("Task_ContactCustomer")
                .variables().containsEntry("tier", "STRATEGIC").containsEntry("assignedGroup", "key-accounts")
                .containsEntry("priority", 85).containsKey("routingDecisionId");
        assertThat(task(instance)).hasCandidateGroup("key-accounts");
    }
}
