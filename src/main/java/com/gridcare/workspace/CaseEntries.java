package com.gridcare.workspace;

import com.gridcare.cases.CaseSearch;
import com.gridcare.contact.Contact;
import com.gridcare.rules.CustomerDecisions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's cases on the timeline: what was asked, where it stands or how it ended, who took
 * the call, and why the rules routed it as they did. How a case ended in detail (the outcomes staff
 * record on the case) belongs here too, as further {@code details} of the case's entry.
 */
final class CaseEntries {

    private CaseEntries() {
    }

    /**
     * @param calls contacts that opened a case, by case id
     * @param decisions decisions about the cases, by case id, newest first
     */
    static List<TimelineEntry> of(List<CaseSearch.CaseSummary> cases, Map<String, Contact> calls,
            Map<String, List<CustomerDecisions.Logged>> decisions) {
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
            entries.add(new TimelineEntry(c.receivedAt(), TimelineEntry.Type.CASE, c.kind().name(), c.caseId(),
                    c.description(), call == null ? null : call.registeredBy(), details));
        }
        return entries;
    }

    private static void put(Map<String, Object> details, String name, Object value) {
        if (value != null) details.put(name, value);
    }
}
