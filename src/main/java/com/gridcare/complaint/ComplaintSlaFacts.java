package com.gridcare.complaint;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseKindSlaFacts;
import com.gridcare.cases.ServiceCase;
import com.gridcare.clock.SlaFacts;
import com.gridcare.clock.SlaWork;
import org.springframework.stereotype.Component;

/** A complaint to the SLA catalogue: complaint work of its category. */
@Component
class ComplaintSlaFacts implements CaseKindSlaFacts {

    @Override
    public CaseKind kind() {
        return CaseKind.COMPLAINT;
    }

    @Override
    public void describe(ServiceCase serviceCase, SlaFacts facts) {
        facts.setWork(SlaWork.COMPLAINT);
        facts.setCategory(ComplaintCategory.valueOf(serviceCase.category()).name());
    }
}
