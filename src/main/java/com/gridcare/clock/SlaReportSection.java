package com.gridcare.clock;

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
 * SLA compliance in the monthly service report: per clock (first contact, resolution, arrival,
 * restoration, connection…) and the case's group, the clocks decided in the month — met when the work
 * was done in time, breached when the due date passed (a breached clock stays breached when the work
 * is done later) — and the share met.
 */
@Configuration(proxyBeanMethods = false)
class SlaReportSection {

    @Bean
    ReportSection slaSection(JdbcClient jdbc) {
        return ReportSection.of("sla", 20, new Label("SLA compliance", "时限达标"),
                List.of(Dimension.of("clock", "Clock", "时限"), Dimension.GROUP),
                List.of(Figure.count("decided", "Clocks decided", "到期判定"), Figure.count("met", "Met", "达标"),
                        Figure.count("breached", "Breached", "超时"),
                        Figure.share("compliance", "Compliance", "达标率", "met", "decided")),
                scope -> jdbc.sql("""
                        SELECT case_id, clock_name, state FROM case_clock
                         WHERE state_changed_at >= ? AND state_changed_at < ? AND state IN ('MET', 'BREACHED')""")
                        .params(scope.start(), scope.end())
                        .query((rs, n) -> Fact.of(rs.getString(1), new String[] {rs.getString(2), null}, 1,
                                flag("MET".equals(rs.getString(3))), flag("BREACHED".equals(rs.getString(3))), 0))
                        .list());
    }
}
