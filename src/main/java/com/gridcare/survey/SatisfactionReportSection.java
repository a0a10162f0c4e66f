package com.gridcare.survey;

import static com.gridcare.insight.Fact.flag;

import com.gridcare.insight.Dimension;
import com.gridcare.insight.Fact;
import com.gridcare.insight.Figure;
import com.gridcare.insight.Label;
import com.gridcare.insight.ReportSection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Satisfaction in the monthly service report: surveys answered in the month by the case's channel and
 * the group that owned the case, their average score and the share of scores of 1 or 2.
 */
@Configuration(proxyBeanMethods = false)
class SatisfactionReportSection {

    @Bean
    ReportSection satisfactionSection(JdbcClient jdbc) {
        return ReportSection.of("satisfaction", 60, new Label("Satisfaction", "满意度"),
                List.of(Dimension.of("channel", "Channel", "渠道"), Dimension.GROUP),
                List.of(Figure.count("responses", "Responses", "回访答复"),
                        Figure.average("averageScore", "Average score", "平均分"),
                        Figure.count("lowScores", "Scores 1–2", "1–2 分"),
                        Figure.share("lowScoreShare", "Share of scores 1–2", "1–2 分占比", "lowScores", "responses")),
                scope -> jdbc.sql("""
                        SELECT case_id, channel, score FROM survey
                         WHERE answered_at >= ? AND answered_at < ? AND status = 'ANSWERED'""")
                        .params(scope.start(), scope.end())
                        .query((rs, n) -> Fact.of(rs.getString(1),
                                new String[] {rs.getString(2), null}, 1,
                                rs.getInt(3), flag(rs.getInt(3) <= 2), 0))
                        .list());
    }
}
