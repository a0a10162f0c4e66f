package com.gridcare.cases;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The SLA clocks of a case as the customer and channels see them: the place where the clocks
 * feature plugs into {@code GET /api/v1/cases/{caseId}}. Implement it as a Spring bean; while no bean
 * exists, the answer lists no due dates.
 */
public interface CaseClocks {

    /**
     * One clock of a case.
     *
     * @param clock the clock's name, e.g. {@code FIRST_CONTACT}, {@code RESOLUTION}, {@code ARRIVAL}
     * @param labelEn what the clock promises, in English ("Reply with the result")
     * @param labelZh the same in Chinese
     * @param dueAt when it is due, with offset
     * @param state e.g. RUNNING, MET, WARNED, BREACHED
     */
    record DueDate(String clock, String labelEn, String labelZh, OffsetDateTime dueAt, String state) {}

    /** The case's clocks, in the order the customer should read them; empty when it has none. */
    List<DueDate> dueDates(String caseId);
}
