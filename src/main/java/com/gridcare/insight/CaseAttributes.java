package com.gridcare.insight;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * What the report needs of a case: its group, category, channel and tier (to break down and filter figures of sections
 * that do not own the case table) and, for the drill-down, what a list of cases shows. Answered by the
 * cases feature.
 */
public interface CaseAttributes {

    record Attributes(String caseId, String kind, String category, String group, String status, String channel,
            OffsetDateTime receivedAt, OffsetDateTime closedAt, String tier) {}

    /** The cases with these ids; unknown ids are left out. */
    Map<String, Attributes> of(Collection<String> caseIds);

    /**
     * The same within one report: the cases the scope's month touched are read once (most facts are of them),
     * the others looked up.
     */
    Map<String, Attributes> of(Collection<String> caseIds, ReportScope scope);
}
