package com.gridcare.survey;

import com.gridcare.cases.CaseStepContext;
import com.gridcare.cases.FormContext;
import com.gridcare.kernel.process.CampaignVariables;
import com.gridcare.kernel.process.CaseVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What the campaign recovery call's form shows: the campaign, the low-scored questions and the customer's texts. */
@Component
class CampaignFormContext implements FormContext {

    private final SurveyCampaigns campaigns;

    CampaignFormContext(SurveyCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Map<String, Object> values(CaseStepContext step, String processKey, String taskKey) {
        if (!SurveyCampaigns.RECOVERY_CALL_PROCESS_KEY.equals(processKey)
                || !(step.variable(CampaignVariables.CAMPAIGN_ID) instanceof String campaignId)
                || !(step.variable(CaseVariables.CUSTOMER_ID) instanceof String customerId)) {
            return Map.of();
        }
        var campaign = campaigns.get(campaignId);
        var call = campaigns.recoveryCall(campaignId, customerId).orElse(null);
        var questions = campaign.questions().stream()
                .collect(Collectors.toMap(SurveyCampaigns.Question::number, q -> q));
        var answers = campaigns.answers(campaignId, customerId);
        var values = new LinkedHashMap<String, Object>();
        values.put(CampaignVariables.CAMPAIGN_ID, campaignId);
        values.put("campaignName", campaign.nameEn() + " / " + campaign.nameZh());
        values.put(CaseVariables.CUSTOMER_ID, customerId);
        values.put("lowestScore", call == null ? "" : call.lowestScore());
        values.put("lowAnswers", answers.stream().filter(a -> a.score() != null && a.score() <= SurveyCampaigns.LOW_SCORE)
                .map(a -> {
                    var q = questions.get(a.question());
                    return a.score() + " · " + q.textEn() + " / " + q.textZh();
                }).collect(Collectors.joining("\n")));
        values.put("campaignComment", answers.stream().filter(a -> a.text() != null).map(SurveyCampaigns.Answer::text)
                .collect(Collectors.joining("\n")));
        return values;
    }
}
