package com.gridcare.kernel;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the features below the case (clocks, notifications) need of a case, without depending on the
 * {@code cases} package that sits above them: the case's references and dates, and a line on its record.
 * Implemented by {@code cases}.
 */
public interface CaseAccess {

    /** A case as the features below it see it. */
    record CaseRef(String caseId, String customerId, String processInstanceId, OffsetDateTime receivedAt,
            OffsetDateTime closedAt) {
    }

    Optional<CaseRef> find(String caseId);

    /** Records on the case's history, visible to the customer, that GridCare sent them a message. */
    void recordNotification(String caseId, String textEn, String textZh);
}
