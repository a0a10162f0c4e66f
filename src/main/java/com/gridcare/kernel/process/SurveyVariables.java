package com.gridcare.kernel.process;

/** What {@code survey-follow-up} keeps. */
public final class SurveyVariables {

    /** The survey's id, also the business key of its survey-follow-up instance. */
    public static final String SURVEY_ID = "surveyId";
    /** The customer's score, 1 to 5, set when the answer arrives (the gateway after it reads it). */
    public static final String SURVEY_SCORE = "surveyScore";
    /** Transient: true when the suppression rules decided not to survey. */
    public static final String SURVEY_SUPPRESSED = "surveySuppressed";

    private SurveyVariables() {
    }
}
