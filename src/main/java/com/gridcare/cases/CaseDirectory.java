package com.gridcare.cases;

import com.gridcare.kernel.CaseAccess;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The case as clocks and notifications see it ({@link CaseAccess}). */
@Component
class CaseDirectory implements CaseAccess {

    private final CaseRepository cases;
    private final CaseRecords records;

    CaseDirectory(CaseRepository cases, CaseRecords records) {
        this.cases = cases;
        this.records = records;
    }

    @Override
    public Optional<CaseRef> find(String caseId) {
        return cases.find(caseId).map(c -> new CaseRef(c.id(), c.customerId(), c.processInstanceId(), c.receivedAt(),
                c.closedAt()));
    }

    @Override
    public void recordNotification(String caseId, String textEn, String textZh) {
        records.record(caseId, CaseEventType.NOTIFICATION, true, textEn, textZh, CaseRecords.SYSTEM, null);
    }
}
