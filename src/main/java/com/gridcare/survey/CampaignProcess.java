package com.gridcare.survey;

import com.gridcare.kernel.process.CampaignVariables;
import com.gridcare.kernel.process.CaseVariables;
import com.gridcare.security.ExpressionBean;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * What {@code survey-campaign}'s timers and gateway read about the campaign (bean {@code campaign}), from
 * the campaign table: the reminder is due {@code gridcare.survey.remind-after} after the launch, as for a
 * survey after a case; the invitations expire when the window closes.
 */
@ExpressionBean
@Component("campaign")
public class CampaignProcess {

    private final SurveyCampaigns campaigns;
    private final Duration remindAfter;

    CampaignProcess(SurveyCampaigns campaigns, SurveyProperties properties) {
        this.campaigns = campaigns;
        this.remindAfter = properties.remindAfter();
    }

    public Date remindAt(DelegateExecution execution) {
        return Date.from(remindInstant(execution).toInstant());
    }

    /** Whether the reminder falls before the window closes (a short window has none). */
    public boolean remindsBeforeClose(DelegateExecution execution) {
        return remindInstant(execution).isBefore(campaigns.get(campaignId(execution)).closesAt());
    }

    public Date closesAt(DelegateExecution execution) {
        return Date.from(campaigns.get(campaignId(execution)).closesAt().toInstant());
    }

    private OffsetDateTime remindInstant(DelegateExecution execution) {
        return campaigns.launchedAt(campaignId(execution)).plus(remindAfter);
    }

    static String campaignId(DelegateExecution execution) {
        return execution.getVariable(CampaignVariables.CAMPAIGN_ID) instanceof String id ? id
                : execution.getProcessBusinessKey();
    }

    /** "Remind unanswered invitations": once, not to those who answered or withdrew consent. */
    @Component("sendCampaignReminders")
    static class SendReminders implements JavaDelegate {
        private final SurveyCampaigns campaigns;

        SendReminders(SurveyCampaigns campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            campaigns.remind(campaignId(execution));
        }
    }

    /** "Expire unanswered invitations": the window closed. */
    @Component("expireCampaignInvitations")
    static class ExpireInvitations implements JavaDelegate {
        private final SurveyCampaigns campaigns;

        ExpireInvitations(SurveyCampaigns campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            campaigns.expire(campaignId(execution));
        }
    }

    /**
     * "Record recovery call": what the call form submitted (reached or not, the notes), into the campaign's
     * recovery-call row, in the completion's transaction (the customer's record has it as a RECOVERY_CALL step).
     */
    @Component("recordCampaignRecoveryCall")
    static class RecordRecoveryCall implements JavaDelegate {
        private final SurveyCampaigns campaigns;

        RecordRecoveryCall(SurveyCampaigns campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            campaigns.recordRecoveryCall(campaignId(execution), (String) execution.getVariable(CaseVariables.CUSTOMER_ID),
                    Boolean.TRUE.equals(execution.getVariable("customerReached")),
                    (String) execution.getVariable("callNotes"), user == null ? "system" : user.getUserId());
        }
    }
}
