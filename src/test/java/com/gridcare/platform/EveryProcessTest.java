package com.gridcare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.cases.Channel;
import com.gridcare.servicerequest.ServiceRequestBody;
import com.gridcare.servicerequest.ServiceRequestIntake;
import com.gridcare.servicerequest.ServiceRequestType;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.survey.SurveyRequests;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import com.gridcare.outage.OutageKind;
import com.gridcare.outage.OutageRequest;
import com.gridcare.outage.Outages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.contract.ContractKind;
import com.gridcare.contract.Contracts;
import com.gridcare.contract.PriceBasis;
import com.gridcare.contract.RenewalTerms;
import com.gridcare.survey.SurveyCampaigns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every model in processes/ is deployed, starts the way GridCare starts it, and every timer it
 * reaches fires without error: the guard against the 7.24.0 timer regression, on H2 and PostgreSQL.
 */
@GridCareTest
class EveryProcessTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TestData testData;
    @Autowired
    ComplaintIntake complaints;
    @Autowired
    ServiceRequestIntake serviceRequests;
    @Autowired
    ObjectMapper json;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SurveyRequests surveyRequests;
    @Autowired
    ApplicationContext context;
    @Autowired
    Contracts contracts;
    @Autowired
    Outages outages;
    @Autowired
    SurveyCampaigns surveyCampaigns;
    @Autowired
    java.time.Clock clock;

    /** How GridCare starts each process; returns the process instance id. A new process needs a line here. */
    private Map<String, Supplier<String>> starters() {
        return Map.of(
                "complaint-handling", () -> transactions.execute(tx -> complaints.register(new ComplaintRequest(
                        testData.residential(), Channel.HOTLINE, ComplaintCategory.METER, "Meter blank", null, null)))
                        .processInstanceId(),
                // a move-in without documents reaches the reminder and expiry timers
                "service-request", () -> runDueJobs(transactions.execute(tx -> serviceRequests.register(
                        new ServiceRequestBody(testData.residential(), ServiceRequestType.MOVE_IN, Channel.WEB,
                                json.createObjectNode().put("moveDate", java.time.LocalDate.now().toString()))))
                        .processInstanceId()),
                "survey-follow-up", () -> {
                    var customer = testData.residential();
                    var caseId = new TestCases(context).caseWithoutProcess(customer);
                    transactions.executeWithoutResult(tx -> surveyRequests.request(caseId, customer));
                    var instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("survey-follow-up")
                            .variableValueEquals("caseId", caseId).singleResult().getId();
                    runDueJobs(instanceId);
                    return instanceId;
                },
                "key-account-review", () -> startByTimer("key-account-review"),
                // a planned outage affecting a PRIORITY_CARE customer reaches the call's own timer
                "outage", () -> {
                    var feeder = TestData.uniqueId("EVERY");
                    testData.supplied(feeder, null, com.gridcare.customer.CustomerClass.RESIDENTIAL, false, true,
                            com.gridcare.customer.Area.URBAN, com.gridcare.customer.PreferredChannel.SMS);
                    var start = java.time.OffsetDateTime.now(clock).plusDays(8);
                    var outage = transactions.execute(tx -> outages.register(new OutageRequest(OutageKind.PLANNED,
                            java.util.List.of(feeder), null, start, start.plusHours(6), "maintenance", null),
                            new Outages.Actor("field", false)));
                    return runDueJobs(outage.processInstanceId());
                },
                "quarterly-points", () -> startByTimer("quarterly-points"),
                "usage-reports", () -> startByTimer("usage-reports"),
                // a contract ending in a year reaches the 90-day, 30-day and end-of-contract timers
                "contract-renewal", () -> contracts.create(testData.strategic(), new Contracts.Terms(ContractKind.SUPPLY,
                        java.time.LocalDate.now(), 1, RenewalTerms.NEGOTIATED, new java.math.BigDecimal("5000"),
                        PriceBasis.TIME_OF_USE), "test").renewalProcessInstanceId(),
                // a launched campaign reaches its reminder and its window's end
                "survey-campaign", () -> {
                    var now = java.time.OffsetDateTime.now(clock);
                    var campaign = surveyCampaigns.define("Every process", "每个流程", new SurveyCampaigns.Target(null,
                            null, com.gridcare.customer.CustomerClass.INDUSTRIAL, com.gridcare.customer.Area.REMOTE, 1),
                            now.minusMinutes(1), now.plusDays(10), java.util.List.of(new SurveyCampaigns.Question(0,
                                    SurveyCampaigns.QuestionKind.SCALE, "How are we doing?", "我们做得如何？")), "test");
                    surveyCampaigns.launch(campaign.id());
                    return runtime.createProcessInstanceQuery().processDefinitionKey(SurveyCampaigns.PROCESS_KEY)
                            .processInstanceBusinessKey(campaign.id()).singleResult().getId();
                },
                // as an answer with a low score starts it (the call's task has no timer)
                "campaign-recovery-call", () -> runtime.createProcessInstanceByKey(
                        SurveyCampaigns.RECOVERY_CALL_PROCESS_KEY).businessKey("CPG-2026-0000/every")
                        .setVariable("campaignId", "CPG-2026-0000").setVariable("customerId", testData.residential())
                        .execute().getId());
    }

    /** Fires a timer-started process's start timer and runs the new instance's asynchronous continuations. */
    private String startByTimer(String processKey) {
        var start = management.createJobQuery().processDefinitionKey(processKey).timers().singleResult();
        var before = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
                .map(i -> i.getId()).toList();
        management.executeJob(start.getId());
        var instanceId = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
                .map(i -> i.getId()).filter(id -> !before.contains(id)).findFirst().orElse(null);
        if (instanceId != null) runDueJobs(instanceId);
        return instanceId;
    }

    /** Runs the instance's asynchronous continuations (not its timers) as the job executor would. */
    private String runDueJobs(String processInstanceId) {
        AsyncSteps.run(management, processInstanceId);
        return processInstanceId;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyProcessStartsAndEveryTimerFires() throws IOException {
        var starters = starters();
        try (var files = Files.list(Path.of("processes"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                var key = file.getFileName().toString().replace(".bpmn", "");
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
                        .as("%s is deployed", key).isPositive();
                assertThat(starters).as("a starter for %s in this test", key).containsKey(key);
                var instanceId = starters.get(key).get();
                fireEveryTimer(instanceId);
                // the next process starts at today's time again (contract-renewal's timers lie a year ahead)
                ClockUtil.reset();
            }
        }
    }

    private void fireEveryTimer(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            var timers = management.createJobQuery().processInstanceId(processInstanceId).timers().list();
            if (timers.isEmpty()) return;
            var timer = timers.get(0);
            ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
            management.executeJob(timer.getId());
        }
    }
}
