package com.gridcare.kernel.process;

/** Input parameters of the steps several processes share. */
public final class StepParameters {

    /** Input parameter of {@code ${closeCase}}: the name of a case outcome. */
    public static final String CASE_OUTCOME = "caseOutcome";
    /** Input parameter of {@code ${notifyCustomer}}: the template to send. */
    public static final String NOTIFICATION_TEMPLATE = "notificationTemplate";
    /** Input parameter of {@code ${notifyCustomer}}: which occurrence (a reopen count, a reminder number). */
    public static final String NOTIFICATION_STEP = "notificationStep";

    private StepParameters() {
    }
}
