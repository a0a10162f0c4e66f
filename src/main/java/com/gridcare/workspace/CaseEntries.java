package com.gridcare.workspace;

import com.gridcare.cases.CaseSearch;
import com.gridcare.cases.CaseStep;
import com.gridcare.contact.Contact;
import com.gridcare.rules.runtime.CustomerDecisions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's cases on the timeline: what was asked, where it stands or how it ended, who took
 * the call, why the rules routed it as they did, and what staff found and decided on it (the case
 * record's steps with an outcome: resolutions with their root cause, goodwill, confirmations, meter
 * tests, repairs…), oldest first within the case.
 */
final class CaseEntries {

    private CaseEntries() {
    }

    /**
     * @param calls contacts that opened a case, by case id
     * @param decisions decisions about the cases, by case id, newest first
     * @param outcomes the record's steps with an outcome, by case id, newest first
     */
    static List<TimelineEntry> of(List<CaseSearch.CaseSummary> cases, Map<String, Contact> calls,
            Map<String, List<CustomerDecisions.Logged>> decisions, Map<String, List<CaseStep>> outcomes) {
        var entries = new ArrayList<TimelineEntry>(cases.size());
        for (var c : cases) {
            var details = new LinkedHashMap<String, Object>();
            details.put("category", c.category());
            details.put("channel", c.channel().name());
            details.put("status", c.status().name());
            details.put("stage", c.stage());
            put(details, "outcome", c.outcome());
            put(details, "closedAt", c.closedAt());
            put(details, "assignedGroup", c.assignedGroup());
            put(details, "assignee", c.assignee());
            put(details, "priority", c.priority());
            put(details, "tier", c.tier());
            if (c.escalationLevel() > 0) details.put("escalationLevel", c.escalationLevel());
            var call = calls.get(c.caseId());
            if (call != null) details.put("contactId", call.id());
            var why = decisions.getOrDefault(c.caseId(), List.of()).stream()
                    .map(d -> Map.of("kind", d.kind(), "explanation", d.explanation() == null ? "" : d.explanation()))
                    .toList();
            if (!why.isEmpty()) details.put("decisions", why);
            var newestFirst = outcomes.getOrDefault(c.caseId(), List.of());
            var steps = new ArrayList<Map<String, Object>>(newestFirst.size());
            for (int i = newestFirst.size() - 1; i >= 0; i--) steps.add(step(newestFirst.get(i)));
            if (!steps.isEmpty()) details.put("steps", steps);
            entries.add(new TimelineEntry(c.receivedAt(), TimelineEntry.Type.CASE, c.kind().name(), c.caseId(),
                    c.description(), call == null ? null : call.registeredBy(), details));
        }
        return entries;
    }

    private static Map<String, Object> step(CaseStep step) {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("kind", step.kind().name());
        shown.put("at", step.occurredAt());
        put(shown, "by", step.actor());
        put(shown, "group", step.actorGroup());
        put(shown, "outcome", step.outcome());
        put(shown, "rootCause", step.rootCause());
        put(shown, "justified", step.justified());
        put(shown, "amount", step.amount());
        if (!step.note().isEmpty()) shown.put("note", step.note());
        return shown;
    }

    private static void put(Map<String, Object> details, String name, Object value) {
        if (value != null) details.put(name, value);
    }
}
