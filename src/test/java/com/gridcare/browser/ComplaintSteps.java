package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * What staff see and do at each step of a complaint in Tasklist: the task names, the form labels
 * and what is filled in. The one place to change when {@code complaint-handling} or its forms grow
 * (more tasks: add a step here; tests compose the steps).
 */
final class ComplaintSteps {

    /** Task names as the process names them. */
    static final String CONTACT_CUSTOMER = "Contact customer";

    /** Labels of the "Contact customer" form (the English half of "English / 中文"). */
    static final String CASE_NUMBER = "Case number";
    static final String CUSTOMER = "Customer";
    static final String TIER = "Tier";
    static final String CATEGORY = "Category";
    static final String ROUTING_REASON = "Why this case is here";
    static final String REACHED = "Reached";
    static final String CONTACT_NOTE = "What was agreed, or why not reached";
    static final String INVESTIGATE = "Investigate and resolve complaint";
    static final String CONFIRM = "Confirm result with customer";
    static final String ROOT_CAUSE = "Root cause";
    static final String FINDINGS = "What the investigation found";
    static final String RESOLUTION = "Resolution";
    static final String CUSTOMER_FEEDBACK = "What the customer said";

    /** The form field of the contact note, a field of the CONTACT step on the case record. */
    static final String CONTACT_NOTE_FIELD = "contactNote";

    private final int port;
    private final HistoryService history;
    private final RuntimeService runtime;

    ComplaintSteps(int port, HistoryService history, RuntimeService runtime) {
        this.port = port;
        this.history = history;
        this.runtime = runtime;
    }

    /** A complaint registered by a channel system, as the hotline would; answers the receipt. */
    Complaint register(String customerId, String category, String description) {
        var answer = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "HOTLINE", "category": "%s", "description": "%s"}"""
                .formatted(customerId, category, description));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var receipt = answer.json();
        return new Complaint(receipt.path("caseId").asText(), customerId, receipt.path("tier").asText(), category,
                receipt.path("assignedGroup").asText());
    }

    /** The group's inbox ("My groups' tasks") narrowed to the case: the card of the case. */
    TasklistPage.TaskCard findInGroupInbox(TasklistPage tasklist, Complaint complaint) {
        return tasklist.filter(FilterNames.MY_GROUPS_TASKS).searchCase(complaint.caseId()).card(complaint.caseId());
    }

    /** "Contact customer", first look: the form shows the case, the customer, the tier and why the case is here. */
    void showsContext(TaskFormPage form, Complaint complaint, String customerName) {
        assertThat(form.value(CASE_NUMBER)).isEqualTo(complaint.caseId());
        assertThat(form.value(CUSTOMER)).isEqualTo(customerName);
        assertThat(form.value(TIER)).isEqualTo(complaint.tier());
        assertThat(form.value(CATEGORY)).isEqualTo(complaint.category());
        assertThat(form.value(ROUTING_REASON)).contains(complaint.group());
    }

    /** "Contact customer": claim it, say the customer was reached and complete without a note; answers the form's messages. */
    java.util.List<String> completeWithoutNote(TaskFormPage form) {
        return form.claim().choose(REACHED).completeExpectingErrors();
    }

    /** "Contact customer": the customer was reached; write what was agreed and complete. */
    void recordContact(TaskFormPage form, String note) {
        form.choose(REACHED).fill(CONTACT_NOTE, note).complete();
    }

    /** "Investigate and resolve complaint": root cause, findings, justified, resolution; no goodwill. */
    void resolve(TaskFormPage form, String findings, String resolution) {
        form.claim().select(ROOT_CAUSE, "Network or equipment fault").fill(FINDINGS, findings)
                .choose("Justified").fill(RESOLUTION, resolution).complete();
    }

    /** "Confirm result with customer": the customer says the result resolves the complaint. */
    void confirmResolved(TaskFormPage form, String feedback) {
        form.claim().choose("Resolved").fill(CUSTOMER_FEEDBACK, feedback).complete();
    }

    /** The task is completed in the engine with the note staff wrote. */
    void assertCompleted(String taskId, String note) {
        var task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(task.getEndTime()).as("task %s completed", taskId).isNotNull();
        assertThat(task.getDeleteReason()).isEqualTo("completed");
        // the note is on the case record, by the agent who completed the task, and not a process variable
        var caseId = history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        var record = Api.at(port).as(Groups.CUSTOMER_SERVICE).get("/api/v1/cases/" + caseId + "/record");
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        JsonNode contact = null;
        for (var step : record.json().path("steps")) {
            if ("CONTACT".equals(step.path("kind").asText())) contact = step;
        }
        assertThat(contact).as("the CONTACT step of %s", caseId).isNotNull();
        assertThat(contact.path("details").path(CONTACT_NOTE_FIELD).asText()).isEqualTo(note);
        assertThat(contact.path("user").asText()).isEqualTo(TestData.user(Groups.CUSTOMER_SERVICE));
        assertThat(contact.path("taskId").asText()).isEqualTo(taskId);
        assertThat(runtime.getVariable(task.getProcessInstanceId(), CONTACT_NOTE_FIELD)).isNull();
    }

    record Complaint(String caseId, String customerId, String tier, String category, String group) {
    }
}
