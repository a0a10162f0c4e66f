package com.gridcare.servicerequest;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseKindSlaFacts;
import com.gridcare.cases.ServiceCase;
import com.gridcare.clock.SlaFacts;
import com.gridcare.clock.SlaWork;
import org.springframework.stereotype.Component;

/** A service request to the SLA catalogue: the work of its type (the details add supply and area when they matter). */
@Component
class ServiceRequestSlaFacts implements CaseKindSlaFacts {

    @Override
    public CaseKind kind() {
        return CaseKind.SERVICE_REQUEST;
    }

    @Override
    public void describe(ServiceCase serviceCase, SlaFacts facts) {
        try {
            facts.setWork(SlaWork.valueOf(serviceCase.category()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("case " + serviceCase.id() + ": no SLA work for request type '"
                    + serviceCase.category() + "'");
        }
    }
}
