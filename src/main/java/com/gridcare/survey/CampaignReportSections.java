package com.gridcare.survey;

import static com.gridcare.insight.Fact.flag;

import com.gridcare.insight.Dimension;
import com.gridcare.insight.Fact;
import com.gridcare.insight.Figure;
import com.gridcare.insight.Label;
import com.gridcare.insight.ReportScope;
import com.gridcare.insight.ReportSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Survey campaigns in the monthly service report and the dashboard: the scale answers given in the month (by
 * when the customer answered), per campaign and question, and the same per segment the customer had when
 * selected (a customer in two segments counts in both; {@code NONE} for none). Each row: answers, average
 * score, scores of 1 or 2 (each asked for a recovery call) and their share. Text answers are in the campaign's
 * results ({@code GET /api/v1/campaigns/{id}/results}). The facts belong to no case: a drill-down lists
 * none, and a group or category filter leaves the sections empty.
 */
@Configuration(proxyBeanMethods = false)
class CampaignReportSections {

    private static final List<Figure> FIGURES = List.of(Figure.count("answers", "Answers", "答复数"),
            Figure.average("averageScore", "Average score", "平均分"),
            Figure.count("lowScores", "Scores 1–2", "1–2 分"),
            Figure.share("lowScoreShare", "Share of scores 1–2", "1–2 分占比", "lowScores", "answers"));

    private static final Dimension CAMPAIGN = Dimension.of("campaign", "Campaign", "调查活动");
    private static final Dimension QUESTION = Dimension.of("question", "Question", "题目");

    /** One scale answer of the month. */
    record Scored(String campaignId, int question, String textEn, String textZh, int score, String segments) {

        String questionKey() {
            // no '|': the dashboard joins a row's keys with it
            return ("Q" + question + " " + textEn + " / " + textZh).replace('|', '/');
        }

        double[] values() {
            return new double[] {1, score, flag(score <= SurveyCampaigns.LOW_SCORE), 0};
        }
    }

    static List<Scored> scored(JdbcClient jdbc, ReportScope scope) {
        return scope.shared("campaignAnswers", () -> jdbc.sql("""
                SELECT a.campaign_id, a.question_no, q.text_en, q.text_zh, a.score, i.segments
                  FROM survey_campaign_answer a
                  JOIN survey_campaign_invitation i ON i.campaign_id = a.campaign_id AND i.customer_id = a.customer_id
                  JOIN survey_campaign_question q ON q.campaign_id = a.campaign_id AND q.question_no = a.question_no
                 WHERE i.answered_at >= ? AND i.answered_at < ? AND a.score IS NOT NULL""")
                .params(scope.start(), scope.end())
                .query((rs, n) -> new Scored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)))
                .list());
    }

    @Bean
    ReportSection campaignQuestionsSection(JdbcClient jdbc) {
        return ReportSection.of("campaigns", 62, new Label("Survey campaigns", "专项满意度调查"),
                List.of(CAMPAIGN, QUESTION), FIGURES,
                scope -> scored(jdbc, scope).stream()
                        .map(s -> Fact.of(null, new String[] {s.campaignId(), s.questionKey()}, s.values()))
                        .toList());
    }

    @Bean
    ReportSection campaignSegmentsSection(JdbcClient jdbc) {
        return ReportSection.of("campaignSegments", 63,
                new Label("Survey campaigns by segment", "专项满意度调查（按客户细分）"),
                List.of(CAMPAIGN, QUESTION, Dimension.of("segment", "Segment", "客户细分")), FIGURES,
                scope -> {
                    var facts = new ArrayList<Fact>();
                    for (var s : scored(jdbc, scope)) {
                        var segments = s.segments() == null || s.segments().isBlank() ? new String[] {"NONE"}
                                : s.segments().split(",");
                        for (var segment : segments) {
                            facts.add(Fact.of(null, new String[] {s.campaignId(), s.questionKey(), segment.strip()},
                                    s.values()));
                        }
                    }
                    return facts;
                });
    }
}
