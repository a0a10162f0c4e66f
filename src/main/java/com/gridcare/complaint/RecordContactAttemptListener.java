package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.CONTACT_ATTEMPTS;
import static com.gridcare.complaint.ComplaintFields.CONTACT_NOTE;
import static com.gridcare.complaint.ComplaintFields.CONTACT_OUTCOME;

import com.gridcare.cases.CaseEventType;
import com.gridcare.cases.CaseRecords;
import com.gridcare.EngineClock;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Contact customer" completed: the attempt, reached or not, goes into the case's internal history
 * and into the contact log the next contact and the investigation forms show.
 */
@Component("recordContactAttempt")
class RecordContactAttemptListener implements TaskListener {

    static final String NOT_REACHED = "NOT_REACHED";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseRecords records;
    private final Clock clock;

    RecordContactAttemptListener(CaseRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean reached = !NOT_REACHED.equals(task.getVariable(CONTACT_OUTCOME));
        var note = task.getVariable(CONTACT_NOTE) instanceof String text ? text.strip() : "";
        var by = task.getAssignee() != null ? task.getAssignee() : CaseRecords.SYSTEM;
        var when = WHEN.format(OffsetDateTime.now(clock).atZoneSameInstant(EngineClock.ZONE));
        var en = reached ? "reached" : "not reached";
        var zh = reached ? "已联系上" : "未联系上";
        var line = "%s · %s / %s · %s (%s)".formatted(when, en, zh, note, by);
        var log = task.getVariable(CONTACT_ATTEMPTS) instanceof String earlier && !earlier.isBlank()
                ? earlier + "\n" + line : line;
        task.setVariable(CONTACT_ATTEMPTS, log);
        records.record((String) task.getVariable(CASE_ID), CaseEventType.CONTACT_ATTEMPT, false,
                "Contact attempt: customer %s. %s".formatted(en, note), "联系客户：%s。%s".formatted(zh, note), by,
                task.getId());
    }
}
