package com.gridcare.workspace;

import com.gridcare.cases.CaseSearch;
import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseSteps;
import com.gridcare.contact.Contact;
import com.gridcare.contact.Contacts;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.api.NotFoundException;
import com.gridcare.notification.CustomerNotifications;
import com.gridcare.points.PointsLedger;
import com.gridcare.rules.runtime.CustomerDecisions;
import com.gridcare.survey.CustomerSurveys;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything between GridCare and one customer, newest first: cases (with the call that opened them,
 * why the rules routed them and what staff found and decided on them), contacts that needed no
 * process, surveys, messages sent, points, and decisions about the customer whenever their answer
 * changed (the offer rules are asked on every look at the profile; an unchanged answer is not news).
 * Each feature is read through its own service.
 */
@Service
public class CustomerTimeline {

    /** The most entries of each kind read for one timeline. */
    static final int PER_SOURCE = 200;
    private static final OffsetDateTime EVER = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    public record Timeline(String customerId, int shown, boolean more, List<TimelineEntry> entries) {}

    private final CustomerRepository customers;
    private final CaseSearch cases;
    private final CaseSteps steps;
    private final Contacts contacts;
    private final CustomerSurveys surveys;
    private final CustomerNotifications notifications;
    private final CustomerDecisions decisions;
    private final PointsLedger points;

    CustomerTimeline(CustomerRepository customers, CaseSearch cases, CaseSteps steps, Contacts contacts,
            CustomerSurveys surveys, CustomerNotifications notifications, CustomerDecisions decisions,
            PointsLedger points) {
        this.customers = customers;
        this.cases = cases;
        this.steps = steps;
        this.contacts = contacts;
        this.surveys = surveys;
        this.notifications = notifications;
        this.decisions = decisions;
        this.points = points;
    }

    /** The newest {@code limit} entries; {@code more} when older ones were left out. */
    @Transactional(readOnly = true)
    public Timeline of(String customerId, int limit) {
        if (!customers.exists(customerId)) {
            throw new NotFoundException("id: no customer " + customerId);
        }
        var entries = new ArrayList<TimelineEntry>();
        var calls = new HashMap<String, Contact>();
        for (var contact : contacts.ofCustomer(customerId, PER_SOURCE)) {
            if (contact.caseId() != null) {
                calls.put(contact.caseId(), contact);
            } else {
                entries.add(new TimelineEntry(contact.registeredAt(), TimelineEntry.Type.CONTACT, contact.kind().name(),
                        null, contact.summary(), contact.registeredBy(),
                        Map.of("contactId", contact.id(), "channel", contact.channel().name())));
            }
        }
        var caseDecisions = new HashMap<String, List<CustomerDecisions.Logged>>();
        entries.addAll(decisionEntries(decisions.since(customerId, EVER, PER_SOURCE * 3), caseDecisions));
        var outcomes = steps.outcomesOfCustomer(customerId, PER_SOURCE * 3).stream()
                .collect(Collectors.groupingBy(CaseStep::caseId));
        entries.addAll(CaseEntries.of(cases.ofCustomer(customerId, PER_SOURCE), calls, caseDecisions, outcomes));
        for (var dated : surveys.ofCustomer(customerId, PER_SOURCE)) {
            var survey = dated.survey();
            var details = new LinkedHashMap<String, Object>();
            details.put("surveyId", survey.id());
            if (survey.score() != null) details.put("score", survey.score());
            if (survey.suppressionReason() != null) details.put("suppressionReason", survey.suppressionReason());
            entries.add(new TimelineEntry(dated.at(), TimelineEntry.Type.SURVEY, survey.status().name(),
                    survey.caseId(), survey.comment(), null, details));
        }
        for (var sent : notifications.ofCustomer(customerId, PER_SOURCE)) {
            entries.add(new TimelineEntry(sent.sentAt() != null ? sent.sentAt() : sent.createdAt(),
                    TimelineEntry.Type.NOTIFICATION, sent.template(), sent.caseId(), sent.subject(), null,
                    Map.of("channel", sent.channel(), "status", sent.status())));
        }
        for (var booking : points.entries(customerId, PER_SOURCE)) {
            var details = new LinkedHashMap<String, Object>();
            details.put("points", booking.points());
            entries.add(new TimelineEntry(booking.recordedAt(), TimelineEntry.Type.POINTS, booking.offerCode(),
                    booking.caseId(), booking.reason(), null, details));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        boolean more = entries.size() > limit;
        return new Timeline(customerId, Math.min(limit, entries.size()), more,
                more ? List.copyOf(entries.subList(0, limit)) : List.copyOf(entries));
    }

    /**
     * Decisions about a case go with the case's entry ({@code byCase}); of the others, those whose
     * answer differs from the one before of the same kind and subject become entries.
     */
    private static List<TimelineEntry> decisionEntries(List<CustomerDecisions.Logged> newestFirst,
            Map<String, List<CustomerDecisions.Logged>> byCase) {
        var result = new ArrayList<TimelineEntry>();
        var byKind = new LinkedHashMap<String, List<CustomerDecisions.Logged>>();
        for (var decision : newestFirst) {
            if ("CASE".equals(decision.subjectType())) {
                byCase.computeIfAbsent(decision.subjectId(), id -> new ArrayList<>()).add(decision);
            } else {
                byKind.computeIfAbsent(decision.kind() + "\t" + decision.subjectId(), k -> new ArrayList<>())
                        .add(decision);
            }
        }
        for (var series : byKind.values()) {
            for (int i = 0; i < series.size(); i++) {
                var decision = series.get(i);
                boolean oldest = i == series.size() - 1;
                if (oldest || !Objects.equals(decision.outputs(), series.get(i + 1).outputs())) {
                    result.add(new TimelineEntry(decision.decidedAt(), TimelineEntry.Type.DECISION, decision.kind(),
                            null, decision.explanation(), null,
                            Map.of("decisionId", decision.id(), "subject", decision.subjectType() + " "
                                    + decision.subjectId())));
                }
            }
        }
        return result;
    }
}
