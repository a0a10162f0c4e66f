package com.gridcare.survey;

import com.gridcare.kernel.process.CaseVariables;
import com.gridcare.kernel.process.SurveyVariables;

import com.gridcare.kernel.EngineClock;
import com.gridcare.cases.CaseRepository;
import com.gridcare.kernel.Groups;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A closed case asks for its satisfaction survey here, in the closing transaction, and the survey's
 * {@code survey-follow-up} instance starts in that same transaction: a closing job that is retried
 * rolls back both, so a case gets exactly one survey however often the closing step runs.
 */
@Service
public class SurveyRequests {

    public static final String PENDING = "PENDING";
    public static final String STARTED = "STARTED";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseRepository cases;
    private final SurveyRepository surveys;
    private final RuntimeService runtime;

    SurveyRequests(JdbcClient jdbc, Clock clock, CaseRepository cases, SurveyRepository surveys,
            RuntimeService runtime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.surveys = surveys;
        this.runtime = runtime;
    }

    /** @return true when requested now (and the survey started), false when the case had asked before */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean request(String caseId, String customerId) {
        var now = OffsetDateTime.now(clock);
        var requested = jdbc.sql("""
                INSERT INTO survey_request (case_id, customer_id, requested_at, status, updated_at)
                SELECT ?, ?, ?, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM survey_request WHERE case_id = ?)""")
                .params(caseId, customerId, now, PENDING, now, caseId)
                .update() == 1;
        if (requested) {
            var surveyId = start(caseId, now);
            jdbc.sql("UPDATE survey_request SET survey_id = ?, status = ?, updated_at = ? WHERE case_id = ?")
                    .params(surveyId, STARTED, now, caseId).update();
        }
        return requested;
    }

    private String start(String caseId, OffsetDateTime now) {
        var serviceCase = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
        var surveyId = surveys.nextId(now.atZoneSameInstant(EngineClock.ZONE).getYear());
        // The group that owned the case drafts any improvement plan; customer service when none did.
        var group = serviceCase.assignedGroup() != null ? serviceCase.assignedGroup() : Groups.CUSTOMER_SERVICE;
        surveys.insert(surveyId, caseId, serviceCase.customerId(), serviceCase.channel().name(),
                serviceCase.category(), group, surveys.newReplyCode(), now);
        // the survey, its case, and the group its improvement plan task is for
        var variables = new HashMap<String, Object>();
        variables.put(SurveyVariables.SURVEY_ID, surveyId);
        variables.put(CaseVariables.CASE_ID, caseId);
        variables.put(CaseVariables.ASSIGNED_GROUP, group);
        var instance = runtime.createProcessInstanceByKey(SurveyProcess.KEY).businessKey(surveyId)
                .setVariables(variables).execute();
        surveys.linkProcess(surveyId, instance.getId());
        return surveyId;
    }
}
