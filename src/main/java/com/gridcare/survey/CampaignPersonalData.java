package com.gridcare.survey;

import com.gridcare.customer.PersonalDataHolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erasure in the survey campaigns: each personal value goes from what the customer wrote in their answers and
 * from the notes of their recovery calls. Scores, statuses and dates stay countable.
 */
@Component
class CampaignPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    CampaignPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> erase(String customerId, List<String> values, String replacement) {
        int answers = 0;
        int calls = 0;
        for (var value : values) {
            if (value == null || value.isBlank()) continue;
            answers += jdbc.sql("""
                    UPDATE survey_campaign_answer SET answer_text = REPLACE(answer_text, ?, ?)
                     WHERE customer_id = ? AND answer_text LIKE ('%' || ? || '%')""")
                    .params(value, replacement, customerId, value).update();
            calls += jdbc.sql("""
                    UPDATE survey_campaign_recovery_call SET call_notes = REPLACE(call_notes, ?, ?)
                     WHERE customer_id = ? AND call_notes LIKE ('%' || ? || '%')""")
                    .params(value, replacement, customerId, value).update();
        }
        var rows = new LinkedHashMap<String, Integer>();
        rows.put("survey_campaign_answer", answers);
        rows.put("survey_campaign_recovery_call", calls);
        return rows;
    }
}
