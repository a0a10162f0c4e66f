package com.gridcare.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.clock.CaseClocks;
import com.gridcare.clock.ClockState;
import com.gridcare.clock.SlaClock;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test helpers for service requests: register over HTTP, run the engine's jobs, work tasks, move the clock. */
public final class RequestDriver {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public record Registered(String caseId, String processInstanceId, String assignedGroup, Integer priority,
            OffsetDateTime dueAt, JsonNode body) {
    }

    private final Api channel;
    private final TaskService tasks;
    private final ManagementService management;
    private final CaseClocks clocks;
    private final JdbcClient jdbc;

    public RequestDriver(Api channel, TaskService tasks, ManagementService management, CaseClocks clocks, JdbcClient jdbc) {
        this.channel = channel;
        this.tasks = tasks;
        this.management = management;
        this.clocks = clocks;
        this.jdbc = jdbc;
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public static void now(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(at(localDateTime)));
    }

    public Registered register(String customerId, String type, String details) {
        var answer = channel.post("/api/v1/service-requests", """
                {"customerId": "%s", "type": "%s", "channel": "WEB", "details": %s}"""
                .formatted(customerId, type, details));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var body = answer.json();
        var registered = new Registered(body.path("caseId").asText(), body.path("processInstanceId").asText(),
                body.path("assignedGroup").asText(), body.path("priority").asInt(),
                OffsetDateTime.parse(body.path("dueAt").asText()), body);
        runJobs(registered.processInstanceId());
        return registered;
    }

    /** Executes the instance's due jobs that are not timers (asynchronous steps such as notifications). */
    public void runJobs(String processInstanceId) {
        AsyncSteps.run(management, processInstanceId);
    }

    public Task task(String processInstanceId, String key) {
        var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task %s", key).isNotNull();
        return task;
    }

    public List<String> openTasks(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    public void complete(String processInstanceId, String key, Map<String, Object> variables) {
        tasks.complete(task(processInstanceId, key).getId(), variables);
        runJobs(processInstanceId);
    }

    public Job timer(String processInstanceId, String boundaryEvent) {
        var job = management.createJobQuery().processInstanceId(processInstanceId).activityId(boundaryEvent).timers()
                .singleResult();
        assertThat(job).as("timer %s", boundaryEvent).isNotNull();
        return job;
    }

    public void fire(String processInstanceId, String boundaryEvent) {
        var job = timer(processInstanceId, boundaryEvent);
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        management.executeJob(job.getId());
        runJobs(processInstanceId);
    }

    public ClockState clockState(String caseId, SlaClock clock) {
        return clocks.of(caseId, clock).orElseThrow(() -> new AssertionError("no clock " + clock)).state();
    }

    public List<String> notifications(String caseId) {
        return jdbc.sql("SELECT template FROM notification_outbox WHERE case_id = ? ORDER BY created_at, template")
                .param(caseId).query(String.class).list();
    }

    public List<String> escalations(String caseId) {
        return jdbc.sql("SELECT kind || '>' || escalated_to FROM case_escalation WHERE case_id = ? ORDER BY id")
                .param(caseId).query(String.class).list();
    }

    public Map<String, Object> caseRow(String caseId) {
        return jdbc.sql("SELECT status, outcome, stage, assigned_group FROM service_case WHERE id = ?").param(caseId)
                .query().singleRow();
    }

    public boolean surveyRequested(String caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_request WHERE case_id = ?").param(caseId).query(Integer.class)
                .single() == 1;
    }

    /** A field of the outcome of the case's latest step of the kind, from the case record ("" when none). */
    public String recorded(String caseId, String kind, String field) {
        var details = jdbc.sql("SELECT details FROM case_step WHERE case_id = ? AND kind = ? ORDER BY id DESC")
                .params(caseId, kind).query(String.class).list();
        if (details.isEmpty()) return "";
        try {
            var value = new ObjectMapper().readTree(details.get(0)).path(field);
            return value.isMissingNode() ? "" : value.asText();
        } catch (IOException e) {
            throw new AssertionError("a step's outcome is not JSON: " + details.get(0), e);
        }
    }

    /** How many steps of the kind the case record holds. */
    public int recordedSteps(String caseId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM case_step WHERE case_id = ? AND kind = ?").params(caseId, kind)
                .query(Integer.class).single();
    }

    /** Whether the group is a candidate group of the task. */
    public boolean hasGroup(String taskId, String group) {
        return tasks.getIdentityLinksForTask(taskId).stream().anyMatch(l -> group.equals(l.getGroupId()));
    }
}
