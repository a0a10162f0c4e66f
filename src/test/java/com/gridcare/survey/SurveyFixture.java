package com.gridcare.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.cases.CaseOutcome;
import com.gridcare.cases.CaseRecords;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.TestCases;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Closed cases with their surveys, the survey's jobs and timers run explicitly, answers over HTTP. */
final class SurveyFixture {

    private final TestCases testCases;
    private final TransactionTemplate transactions;
    private final SurveyRequests requests;
    private final SurveyRepository surveys;
    private final CaseRecords records;
    private final ManagementService management;
    private final TaskService tasks;
    private final Api channel;

    SurveyFixture(ApplicationContext context, int port) {
        this.testCases = new TestCases(context);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.requests = context.getBean(SurveyRequests.class);
        this.surveys = context.getBean(SurveyRepository.class);
        this.records = context.getBean(CaseRecords.class);
        this.management = context.getBean(ManagementService.class);
        this.tasks = context.getBean(TaskService.class);
        this.channel = Api.at(port).as("channel-systems");
    }

    /** A case of the customer, closed with the outcome, that requested its survey; the survey's first job not yet run. */
    Survey closedCase(String customerId, CaseOutcome outcome) {
        var caseId = testCases.caseWithoutProcess(customerId);
        transactions.executeWithoutResult(tx -> {
            records.close(caseId, outcome);
            assertThat(requests.request(caseId, customerId)).isTrue();
        });
        return surveys.findByCase(caseId).orElseThrow();
    }

    /** A closed case whose survey was sent (or suppressed): its jobs run. */
    Survey sent(String customerId) {
        var survey = closedCase(customerId, CaseOutcome.RESOLVED);
        runJobs(survey);
        return reload(survey);
    }

    Survey reload(Survey survey) {
        return surveys.find(survey.id()).orElseThrow();
    }

    /** Runs the survey's due jobs (not its future timers) until none is left. */
    void runJobs(Survey survey) {
        for (int i = 0; i < 20; i++) {
            var jobs = management.createJobQuery().processInstanceId(survey.processInstanceId()).executable().list();
            if (jobs.isEmpty()) return;
            management.executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("jobs of " + survey.id() + " keep coming");
    }

    /** Moves the engine's clock past the timer on the activity and fires it. */
    void fireTimer(Survey survey, String activityId) {
        var timer = management.createJobQuery().processInstanceId(survey.processInstanceId()).activityId(activityId)
                .timers().singleResult();
        assertThat(timer).as("timer on %s", activityId).isNotNull();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());
    }

    Api.Answer answer(Survey survey, String json, String... headers) {
        return channel.post("/api/v1/surveys/" + survey.id() + "/responses", json, headers);
    }

    Task task(Survey survey, String key) {
        return tasks.createTaskQuery().processInstanceId(survey.processInstanceId()).taskDefinitionKey(key)
                .initializeFormKeys().singleResult();
    }
}
