package com.gridcare.kernel.process;

import java.util.Set;

/**
 * The variables GridCare's processes may keep between their steps; the names are in one class per process
 * ({@link CaseVariables} for what every case process keeps, {@link ServiceRequestVariables},
 * {@link SurveyVariables}, {@link KeyAccountReviewVariables}, {@link ContractRenewalVariables}, {@link CampaignVariables}) and {@link StepParameters} for the input
 * parameters of shared steps. A process keeps only references and what its gateways, timers, task assignment
 * and the Tasklist filters read; what staff enter and what the steps decide is in the case record, and forms
 * get their context from there when they are opened. Never phone numbers, ID numbers or addresses.
 */
public final class ProcessVariables {

    /** The variables a process may keep between its steps; anything else a task's form submits is not stored. */
    public static final Set<String> KEPT = Set.of(CaseVariables.CASE_ID, CaseVariables.CUSTOMER_ID, CaseVariables.TIER,
            CaseVariables.ASSIGNED_GROUP, CaseVariables.PRIORITY, CaseVariables.CATEGORY, CaseVariables.ESCALATED,
            CaseVariables.REGULATORY_RISK, CaseVariables.WAITING_FOR_CUSTOMER, ServiceRequestVariables.SITE_WORK_GROUP,
            ServiceRequestVariables.VOLTAGE_KV, ServiceRequestVariables.RESTORATION_TARGET, SurveyVariables.SURVEY_ID,
            SurveyVariables.SURVEY_SCORE, KeyAccountReviewVariables.KEY_ACCOUNTS, KeyAccountReviewVariables.REVIEW_QUARTER,
            ContractRenewalVariables.CONTRACT_ID, ContractRenewalVariables.OWNING_GROUP,
            ContractRenewalVariables.CONTRACT_EXPIRED, CampaignVariables.CAMPAIGN_ID);

    private ProcessVariables() {
    }
}
