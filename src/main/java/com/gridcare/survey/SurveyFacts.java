package com.gridcare.survey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * What the survey suppression rules ({@code rules/surveysuppression}) know about a closed case and
 * its customer's earlier surveys. The rules' answer is kept on the fact: suppressed, and why.
 */
public class SurveyFacts {

    private String caseId;
    private String customerId;
    /** Days since the customer was last sent a survey; -1 when never. */
    private int daysSinceLastSurvey = -1;
    /** Surveys the customer was sent in the last 12 months. */
    private int surveysLast12Months;
    private boolean caseWithdrawn;
    private final List<String> reasons = new ArrayList<>();
    private final List<String> suppressedBy = new ArrayList<>();

    public String getCaseId() { return caseId; }
    public void setCaseId(String caseId) { this.caseId = caseId; }
    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public int getDaysSinceLastSurvey() { return daysSinceLastSurvey; }
    public void setDaysSinceLastSurvey(int daysSinceLastSurvey) { this.daysSinceLastSurvey = daysSinceLastSurvey; }
    public boolean isSurveyedBefore() { return daysSinceLastSurvey >= 0; }
    public int getSurveysLast12Months() { return surveysLast12Months; }
    public void setSurveysLast12Months(int surveysLast12Months) { this.surveysLast12Months = surveysLast12Months; }
    public boolean isCaseWithdrawn() { return caseWithdrawn; }
    public void setCaseWithdrawn(boolean caseWithdrawn) { this.caseWithdrawn = caseWithdrawn; }

    // what the rules decide

    /** @param reason a code: RECENT_SURVEY, SURVEY_LIMIT, CASE_WITHDRAWN… */
    public void suppress(String reason, String rule) {
        if (!reasons.contains(reason)) reasons.add(reason);
        if (!suppressedBy.contains(rule)) suppressedBy.add(rule);
    }

    @JsonIgnore
    public List<String> getReasons() { return List.copyOf(reasons); }

    @JsonIgnore
    public boolean isSuppressed() { return !suppressedBy.isEmpty(); }

    @JsonIgnore
    public List<String> getSuppressedBy() { return List.copyOf(suppressedBy); }
}
