package com.gridcare.cases;

/** Names of the BPMN messages GridCare's API correlates to a case's process instance (by business key = case id). */
public final class CaseMessages {

    /**
     * The customer withdrew the case ({@code POST /api/v1/cases/{id}/withdrawal}). Processes catch it
     * with an interrupting message start event of an event sub-process at the top level, followed by
     * a service task {@code ${closeWithdrawnCase}}.
     */
    public static final String CASE_WITHDRAWN = "CaseWithdrawn";

    private CaseMessages() {
    }
}
