package com.gridcare.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.cases.Channel;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.deployment.SourceFolder;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rule that fails at run time inside an asynchronous service task is a clear failure: the job
 * is retried, then an incident names the rule package and the error. No default answer, no decision.
 */
@GridCareTest
class RuleFailureIncidentTest {

    @Autowired
    RuleRuntime runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService management;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    TestData testData;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private RuleSet shipped;
    private String deployment;

    @AfterEach
    void restore() {
        if (shipped != null) runtime.swap(shipped);
        if (deployment != null) repository.deleteDeployment(deployment, true);
    }

    @Test
    void shouldRetryTheJobThenRaiseAnIncidentWhenARuleFailsAtRunTime() {
        var receipt = transactions.execute(tx -> intake.register(new ComplaintRequest(testData.residential(),
                Channel.HOTLINE, ComplaintCategory.METER, "Meter display blank", null, null)));
        // an analyst's mistake that compiles: dividing by a contract term that households do not have
        var files = new TreeMap<>(SourceFolder.of("rules", "").read(p -> true));
        files.put("customer/loyalty.drl", """
                package customer;
                import com.gridcare.customer.CustomerFacts;
                rule "Contract years per tenure year"
                when
                    $c : CustomerFacts( tenureYears > 0 )
                then
                    int perYear = 10 / $c.getContractTermYears();
                end
                """.getBytes(StandardCharsets.UTF_8));
        var broken = RuleCompiler.compile(files, RuleModuleCache.in("target/rules-cache"), runtime.current());
        deployment = repository.createDeployment().name("rules-failure-test")
                .addModelInstance("rules-failure-test.bpmn", Bpmn.createExecutableProcess("rules-failure-test")
                        .camundaHistoryTimeToLive(1)
                        .startEvent("StartEvent_Started")
                        .serviceTask("Task_EvaluateCustomer").camundaAsyncBefore()
                        .camundaDelegateExpression("${evaluateCustomer}")
                        .endEvent("EndEvent_Evaluated")
                        .done())
                .deploy().getId();
        var instance = runtimeService.startProcessInstanceByKey("rules-failure-test", Map.of("caseId", receipt.caseId()));
        int decisionsBefore = decisions(receipt.caseId());
        shipped = runtime.swap(broken);

        var job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId()))
                    .hasRootCauseInstanceOf(ArithmeticException.class);
        }

        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        var incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_EvaluateCustomer");
        assertThat(incident.getIncidentMessage()).contains("rule package 'customer'").contains(broken.version())
                .contains("ArithmeticException: / by zero");
        assertThat(decisions(receipt.caseId())).isEqualTo(decisionsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult())
                .isNotNull();
    }

    private int decisions(String caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM decision WHERE subject_id = ?").param(caseId).query(Integer.class).single();
    }
}
