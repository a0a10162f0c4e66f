package com.gridcare.cases;

import com.gridcare.clock.SlaFacts;

/** How one kind of case describes its work to the SLA catalogue; each case kind implements it for itself. */
public interface CaseKindSlaFacts {

    CaseKind kind();

    /** Sets the work (and what else of the case the catalogue reads, e.g. a complaint's category). */
    void describe(ServiceCase serviceCase, SlaFacts facts);
}
