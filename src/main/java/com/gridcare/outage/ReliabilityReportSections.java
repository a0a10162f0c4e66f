package com.gridcare.outage;

import com.gridcare.insight.Dimension;
import com.gridcare.insight.Fact;
import com.gridcare.insight.Figure;
import com.gridcare.insight.Label;
import com.gridcare.insight.ReportSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reliability indices in the monthly service report and the dashboard, taken from {@link ReliabilityIndices}:
 * per supply area and in total (row {@code ALL}) customers served, interruptions, customer-minutes lost, SAIFI
 * and SAIDI as ratios of the summed figures, and on the total row the planned and temporary outages and the
 * share notified on time; and one row per outage (notified on time: a planned or temporary one announced within its period; a fault never). The facts belong to no case: a drill-down lists none, and a
 * group or category filter leaves the sections empty (an outage is no group's case).
 */
@Configuration(proxyBeanMethods = false)
class ReliabilityReportSections {

    @Bean
    ReportSection reliabilitySection(ReliabilityIndices indices) {
        return ReportSection.of("reliability", 70, new Label("Supply reliability", "供电可靠性"),
                List.of(Dimension.of("area", "Supply area", "供电区域")),
                List.of(Figure.count("customersServed", "Customers served", "服务客户数"),
                        Figure.count("interruptions", "Customer interruptions", "停电户次"),
                        Figure.count("customerMinutes", "Customer-minutes lost", "停电时户数（分钟）"),
                        Figure.ratio("saifi", "SAIFI (interruptions per customer)", "SAIFI 户均停电次数",
                                "interruptions", "customersServed"),
                        Figure.ratio("saidi", "SAIDI (minutes per customer)", "SAIDI 户均停电时间（分钟）",
                                "customerMinutes", "customersServed"),
                        Figure.count("announced", "Planned and temporary outages", "计划及临时停电"),
                        Figure.count("notifiedOnTime", "Notified on time", "按时通知"),
                        Figure.share("onTimeShare", "Share notified on time", "按时通知率", "notifiedOnTime",
                                "announced")),
                scope -> {
                    var report = scope.shared("reliability", () -> indices.month(scope.month()));
                    var facts = new ArrayList<Fact>();
                    for (var a : report.areas()) {
                        facts.add(Fact.of(null, new String[] {a.area()}, a.customersServed(), a.customerInterruptions(),
                                a.customerMinutesLost(), 0, 0, 0, 0, 0));
                    }
                    var t = report.total();
                    facts.add(Fact.of(null, new String[] {t.area()}, t.customersServed(), t.customerInterruptions(),
                            t.customerMinutesLost(), 0, 0, report.notices().announcedOutages(),
                            report.notices().notifiedOnTime(), 0));
                    return facts;
                });
    }

    @Bean
    ReportSection outageInterruptionsSection(ReliabilityIndices indices) {
        return ReportSection.of("outages", 71, new Label("Outages", "停电事件"),
                List.of(Dimension.of("outage", "Outage", "停电编号"), Dimension.of("kind", "Kind", "停电类型")),
                List.of(Figure.count("interruptions", "Customer interruptions", "停电户次"),
                        Figure.count("minutes", "Minutes without supply", "停电时长（分钟）"),
                        Figure.count("customerMinutes", "Customer-minutes lost", "停电时户数（分钟）"),
                        Figure.count("notifiedOnTime", "Notified on time", "按时通知")),
                scope -> scope.<ReliabilityIndices.Report>shared("reliability", () -> indices.month(scope.month())).outages().stream()
                        .map(o -> Fact.of(null, new String[] {o.outageId(), o.kind()}, o.customerInterruptions(),
                                o.minutes(), o.customerMinutesLost(),
                                Fact.flag(OutageKind.valueOf(o.kind()).announced() && o.notifiedOnTime())))
                        .toList());
    }
}
