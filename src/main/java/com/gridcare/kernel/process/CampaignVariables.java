package com.gridcare.kernel.process;

/** What {@code survey-campaign} and {@code campaign-recovery-call} keep. */
public final class CampaignVariables {

    /** The survey campaign (the business key of its survey-campaign instance). */
    public static final String CAMPAIGN_ID = "campaignId";

    private CampaignVariables() {
    }
}
