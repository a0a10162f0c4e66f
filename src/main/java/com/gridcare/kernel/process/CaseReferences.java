package com.gridcare.kernel.process;

import com.gridcare.kernel.Identifiers;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** How a process step finds its case: the {@code caseId} variable, else a business key that is a case number. */
public final class CaseReferences {

    private CaseReferences() {
    }

    /** The case of a process, or null when it works on none. */
    public static String caseIdOf(VariableScope scope, String businessKey) {
        if (scope.getVariable(CaseVariables.CASE_ID) instanceof String id && !id.isBlank()) return id;
        if (businessKey != null && businessKey.matches(Identifiers.CASE_NUMBER)) return businessKey;
        return null;
    }

    /**
     * A case process without its case was started past GridCare's intake (say through {@code /engine-rest}):
     * the starter's mistake, answered 400 there.
     */
    public static BadUserRequestException withoutCase(String what) {
        return new BadUserRequestException(CaseVariables.CASE_ID + ": " + what + "; GridCare's intake starts case "
                + "processes (POST /api/v1/complaints, POST /api/v1/service-requests)");
    }

    /** The case of a process step; a step without one is the starter's mistake ({@link #withoutCase}). */
    public static String requireCaseId(VariableScope scope, String businessKey, String activityId) {
        var caseId = caseIdOf(scope, businessKey);
        if (caseId == null) {
            throw withoutCase("the process has neither a " + CaseVariables.CASE_ID
                    + " variable nor a case number as business key: no case at " + activityId);
        }
        return caseId;
    }
}
