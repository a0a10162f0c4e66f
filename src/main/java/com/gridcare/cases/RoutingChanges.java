package com.gridcare.cases;

import com.gridcare.rules.publishing.SimulationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How routing answers differ between two rule sets, for the simulations of complaints and service requests. */
public final class RoutingChanges {

    private RoutingChanges() {
    }

    /** The routing section shared with service requests: group moves and priority changes, each change listed. */
    public static Map<String, Object> compare(SimulationReport report, String subjectType, List<String> caseIds,
            List<String> customerIds, List<Routing> before, List<Routing> then) {
        var moves = new TreeMap<String, Map<String, Integer>>();
        int changed = 0;
        int priorityChanged = 0;
        int unrouted = 0;
        for (int i = 0; i < caseIds.size(); i++) {
            var a = describe(before.get(i));
            var b = describe(then.get(i));
            if (!then.get(i).isRouted() || then.get(i).getConflictingRule() != null) unrouted++;
            boolean any = false;
            if (!a.equals(b)) {
                moves.computeIfAbsent(a, g -> new TreeMap<>()).merge(b, 1, Integer::sum);
                report.change(subjectType, caseIds.get(i), customerIds.get(i), "group", a, b);
                any = true;
            }
            if (before.get(i).getPriority() != then.get(i).getPriority()) {
                priorityChanged++;
                report.change(subjectType, caseIds.get(i), customerIds.get(i), "priority",
                        String.valueOf(before.get(i).getPriority()), String.valueOf(then.get(i).getPriority()));
                any = true;
            }
            if (!java.util.Objects.equals(before.get(i).getSiteWorkGroup(), then.get(i).getSiteWorkGroup())) {
                report.change(subjectType, caseIds.get(i), customerIds.get(i), "siteWorkGroup",
                        before.get(i).getSiteWorkGroup(), then.get(i).getSiteWorkGroup());
                any = true;
            }
            if (any) changed++;
        }
        var section = new LinkedHashMap<String, Object>();
        section.put("cases", caseIds.size());
        section.put("changed", changed);
        section.put("groupChanges", moves);
        section.put("priorityChanged", priorityChanged);
        section.put("unroutedWithCandidate", unrouted);
        return section;
    }

    private static String describe(Routing routing) {
        if (routing.getConflictingRule() != null) return "(two rows match)";
        return routing.isRouted() ? routing.getGroup() : "(no row matches)";
    }
}
