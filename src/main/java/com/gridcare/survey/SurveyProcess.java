package com.gridcare.survey;

import com.gridcare.kernel.process.ProcessVariables;

/** Names the survey-follow-up model and GridCare's code share. */
public final class SurveyProcess {

    public static final String KEY = "survey-follow-up";
    /** Correlated to the instance whose business key is the survey id. */
    public static final String MESSAGE_ANSWERED = "SurveyAnswered";

    /**
     * Form fields (not in {@code ProcessVariables}: those are the processes' own and refused from forms):
     * the improvement plan drafted by the owning group, the supervisors' verdict and their feedback.
     */
    public static final String IMPROVEMENT_PLAN = "improvementPlan";
    public static final String PLAN_APPROVED = "planApproved";
    public static final String PLAN_FEEDBACK = "planFeedback";

    private SurveyProcess() {
    }
}
