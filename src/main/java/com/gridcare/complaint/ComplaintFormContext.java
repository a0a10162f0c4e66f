package com.gridcare.complaint;

import com.gridcare.kernel.EngineClock;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseOutcome;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseStepContext;
import com.gridcare.cases.FormContext;
import com.gridcare.cases.ServiceCase;
import com.gridcare.cases.StepKind;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a complaint task's form shows besides the case's context: the complaint's description, the
 * customer's complaints in the last 12 months, the contacts so far, and the latest resolution with
 * its goodwill, the question put to the customer and how often the complaint was reopened — all read
 * from the case record when the form is opened.
 */
@Component
class ComplaintFormContext implements FormContext {

    static final String DESCRIPTION = "complaintDescription";
    static final String PREVIOUS_COMPLAINTS = "previousComplaints";
    static final String CONTACT_ATTEMPTS = "contactAttempts";
    static final String REOPEN_COUNT = "reopenCount";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseRepository cases;

    ComplaintFormContext(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public Map<String, Object> values(CaseStepContext step, String processKey, String taskKey) {
        if (!ComplaintIntake.PROCESS_KEY.equals(processKey) || !step.hasCase()) return Map.of();
        var complaint = step.serviceCase();
        var values = new LinkedHashMap<String, Object>();
        values.put(DESCRIPTION, FormContext.markdownLiteral(complaint.description()));
        values.put(PREVIOUS_COMPLAINTS, previousComplaints(complaint));
        var contacts = step.steps().all(complaint.id(), StepKind.CONTACT);
        values.put(CONTACT_ATTEMPTS, contacts.stream().map(ComplaintFormContext::contactLine)
                .collect(Collectors.joining("\n")));
        values.put(ComplaintFields.CONTACT_NOTE, contacts.isEmpty() ? "" : contacts.get(contacts.size() - 1)
                .text(ComplaintFields.CONTACT_NOTE));
        step.latest(StepKind.RESOLUTION).ifPresent(latest -> {
            if ("CUSTOMER_ASKED".equals(latest.outcome())) {
                values.put(ComplaintFields.CUSTOMER_QUESTION, latest.text(ComplaintFields.CUSTOMER_QUESTION));
                return;
            }
            values.put(ComplaintFields.RESOLUTION, latest.text(ComplaintFields.RESOLUTION));
            values.put(ComplaintFields.JUSTIFIED, latest.text(ComplaintFields.JUSTIFIED));
            if (latest.amount() != null) values.put(ComplaintFields.COMPENSATION_AMOUNT, latest.amount());
            values.put(ComplaintFields.COMPENSATION_REASON, latest.text(ComplaintFields.COMPENSATION_REASON));
        });
        values.put(REOPEN_COUNT, step.steps().all(complaint.id(), StepKind.REOPENED).size());
        return values;
    }

    /** "2026-10-12 10:05 · not reached / 未联系上 · No answer, left a voicemail. (agent)". */
    private static String contactLine(CaseStep contact) {
        boolean reached = !"NOT_REACHED".equals(contact.outcome());
        return "%s · %s · %s (%s)".formatted(WHEN.format(contact.occurredAt().atZoneSameInstant(EngineClock.ZONE)),
                reached ? "reached / 已联系上" : "not reached / 未联系上", contact.text(ComplaintFields.CONTACT_NOTE),
                contact.actor());
    }

    private String previousComplaints(ServiceCase complaint) {
        var lines = cases.ofCustomer(complaint.customerId(), complaint.receivedAt().minusMonths(12),
                        complaint.receivedAt()).stream()
                .filter(c -> c.kind() == CaseKind.COMPLAINT && !c.id().equals(complaint.id()))
                .map(c -> "- " + FormContext.markdownLiteral("%s · %s · %s · %s".formatted(c.id(),
                        DATE.format(c.receivedAt().atZoneSameInstant(EngineClock.ZONE)), c.category(), state(c))))
                .toList();
        return lines.isEmpty() ? "None / 无" : String.join("\n", lines);
    }

    private static String state(ServiceCase c) {
        if (c.isOpen()) return "open / 处理中";
        try {
            var o = CaseOutcome.valueOf(c.outcome());
            return o.en() + " / " + o.zh();
        } catch (IllegalArgumentException | NullPointerException e) {
            return c.status().name();
        }
    }
}
