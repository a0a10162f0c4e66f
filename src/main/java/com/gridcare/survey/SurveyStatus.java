package com.gridcare.survey;

/** Where a survey stands. Only an INVITED survey takes an answer. */
public enum SurveyStatus {
    /** started, the suppression rules not yet asked */
    REQUESTED,
    /** the suppression rules decided not to survey */
    SUPPRESSED,
    /** invitation sent, waiting for the answer */
    INVITED,
    ANSWERED,
    /** no answer in time; a later answer is refused and kept for reporting */
    EXPIRED
}
