package com.gridcare.rules.publishing;

import com.gridcare.api.Csv;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a candidate rule set would change: a section per decision, and every change subject by subject. */
public class SimulationReport {

    /** One thing that changes for one customer or case. */
    public record Change(String subjectType, String subjectId, String customerId, String what, String before,
            String after) {}

    private final Map<String, Object> sections = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Change> changes = Collections.synchronizedList(new ArrayList<>());

    public void section(String name, Object content) {
        sections.put(name, content);
    }

    public void change(String subjectType, String subjectId, String customerId, String what, String before,
            String after) {
        changes.add(new Change(subjectType, subjectId, customerId, what, before, after));
    }

    public Map<String, Object> sections() {
        return sections;
    }

    public List<Change> changes() {
        return changes;
    }

    /** Every change as CSV (RFC 4180), one line per subject and thing that changes. */
    public String csv() {
        var csv = Csv.withHeader("subject_type", "subject_id", "customer_id", "what", "before", "after");
        synchronized (changes) {
            for (var c : changes) {
                csv.row(c.subjectType(), c.subjectId(), c.customerId(), c.what(), c.before(), c.after());
            }
        }
        return csv.toString();
    }
}
