package com.gridcare.cases;

import static com.gridcare.insight.Fact.flag;

import com.gridcare.insight.Dimension;
import com.gridcare.insight.Fact;
import com.gridcare.insight.Figure;
import com.gridcare.insight.Label;
import com.gridcare.insight.ReportScope;
import com.gridcare.insight.ReportSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sections of the monthly service report the case record answers: workload and backlog ageing,
 * resolution (first-contact resolution, reopen rate, days to close, goodwill), root causes, escalations.
 */
@Configuration(proxyBeanMethods = false)
class CaseReportSections {

    static final String NOT_RECORDED = RootCauseReport.NOT_RECORDED;

    /**
     * Per group: cases received and closed (or withdrawn) in the month, open at its end (or now, for the
     * running month), and those open by age in calendar days since they were received.
     */
    private static List<CaseReportFacts.ClosedComplaint> closedComplaints(CaseReportFacts facts, ReportScope scope) {
        return scope.shared("cases.closedComplaints", () -> facts.closedComplaints(scope));
    }

    @Bean
    ReportSection workloadSection(CaseReportFacts facts) {
        return ReportSection.of("workload", 10, new Label("Workload and backlog", "工作量与积压"), List.of(Dimension.GROUP),
                List.of(Figure.count("received", "Received", "受理"), Figure.count("closed", "Closed", "办结"),
                        Figure.count("open", "Open at month end", "月末在办"),
                        Figure.count("aged0to2", "Open 0–2 days", "在办 0–2 天"),
                        Figure.count("aged3to5", "Open 3–5 days", "在办 3–5 天"),
                        Figure.count("aged6to10", "Open 6–10 days", "在办 6–10 天"),
                        Figure.count("agedOver10", "Open over 10 days", "在办 10 天以上")),
                scope -> {
                    var out = new ArrayList<Fact>();
                    for (var c : facts.touched(scope).values()) {
                        boolean received = !c.receivedAt().isBefore(scope.start()) && c.receivedAt().isBefore(scope.end());
                        boolean closed = c.closedAt() != null && !c.closedAt().isBefore(scope.start())
                                && c.closedAt().isBefore(scope.end());
                        boolean open = c.receivedAt().isBefore(scope.asOf())
                                && (c.closedAt() == null || !c.closedAt().isBefore(scope.asOf()));
                        long age = open ? Duration.between(c.receivedAt(), scope.asOf()).toDays() : -1;
                        out.add(Fact.of(c.caseId(), new String[] {c.group()}, flag(received), flag(closed), flag(open),
                                flag(open && age <= 2), flag(open && age >= 3 && age <= 5),
                                flag(open && age >= 6 && age <= 10), flag(open && age > 10)));
                    }
                    return out;
                });
    }

    /**
     * Per group and category, complaints closed in the month (not withdrawn): resolved at first contact (the
     * customer reached at the first attempt and the first resolution held), reopened, calendar days from
     * receipt to closing, goodwill approved on them.
     */
    @Bean
    ReportSection resolutionSection(CaseReportFacts facts) {
        return ReportSection.of("resolution", 30, new Label("Complaint resolution", "投诉办理"),
                List.of(Dimension.GROUP, Dimension.CATEGORY),
                List.of(Figure.count("closed", "Complaints closed", "办结投诉"),
                        Figure.count("firstContact", "Resolved at first contact", "首次联系解决"),
                        Figure.share("firstContactRate", "First-contact resolution rate", "首次联系解决率",
                                "firstContact", "closed"),
                        Figure.count("reopened", "Reopened", "重新打开"),
                        Figure.share("reopenRate", "Reopen rate", "重开率", "reopened", "closed"),
                        Figure.average("daysToClose", "Average days to close", "平均办结天数"),
                        Figure.sum("goodwillCny", "Goodwill approved (CNY)", "批准补偿（元）")),
                scope -> closedComplaints(facts, scope).stream()
                        .map(c -> Fact.of(c.id(), new String[] {c.group(), c.category()}, 1,
                                flag(c.contacts() == 1 && c.reopened() == 0), 0, flag(c.reopened() > 0), 0,
                                Duration.between(c.receivedAt(), c.closedAt()).toMinutes() / 1440.0,
                                c.goodwill().doubleValue()))
                        .toList());
    }

    /**
     * Per group and category, cases closed in the month (complaints and service requests, not withdrawn): the
     * average time from receipt to closing in working days of the working calendar ({@code china-workdays}: the
     * working time between them ÷ one working day), and in calendar days.
     */
    @Bean
    ReportSection resolutionTimeSection(CaseReportFacts facts, com.gridcare.clock.Calendars calendars) {
        return ReportSection.of("resolutionTime", 35, new Label("Time to resolve", "办结用时"),
                List.of(Dimension.GROUP, Dimension.CATEGORY),
                List.of(Figure.count("closed", "Cases closed", "办结案件"),
                        Figure.average("workingDays", "Average working days to resolve", "平均办结工作日"),
                        Figure.average("calendarDays", "Average calendar days to resolve", "平均办结自然日")),
                scope -> {
                    var calendar = calendars.get(com.gridcare.clock.Calendars.CHINA_WORKDAYS);
                    double day = calendar.workingDay().toMillis();
                    return facts.closed(scope).stream()
                            .map(c -> Fact.of(c.caseId(), new String[] {c.group(), c.category()}, 1,
                                    calendar.between(c.receivedAt().toInstant(), c.closedAt().toInstant()).toMillis() / day,
                                    Duration.between(c.receivedAt(), c.closedAt()).toMinutes() / 1440.0))
                            .toList();
                });
    }

    /** Per category, complaints closed in the month by the root cause of their final resolution (a Pareto). */
    @Bean
    ReportSection rootCauseSection(CaseReportFacts facts) {
        return ReportSection.of("rootCauses", 40, new Label("Root causes", "问题根源"),
                List.of(Dimension.CATEGORY, Dimension.of("rootCause", "Root cause", "根源")),
                List.of(Figure.count("complaints", "Complaints", "投诉"),
                        Figure.count("justified", "Justified or partly", "属实或部分属实"),
                        Figure.share("justifiedShare", "Justified share", "属实比例", "justified", "complaints"),
                        Figure.sum("goodwillCny", "Goodwill approved (CNY)", "批准补偿（元）")),
                scope -> closedComplaints(facts, scope).stream()
                        .map(c -> Fact.of(c.id(), new String[] {c.category(),
                                c.rootCause() == null ? NOT_RECORDED : c.rootCause()}, 1,
                                flag("JUSTIFIED".equals(c.justified()) || "PARTLY_JUSTIFIED".equals(c.justified())), 0,
                                c.goodwill().doubleValue()))
                        .toList());
    }

    /** Escalations raised in the month by kind (regulatory-risk alarms among them), level and group. */
    @Bean
    ReportSection escalationSection(CaseReportFacts facts) {
        return ReportSection.of("escalations", 50, new Label("Escalations and alarms", "升级与预警"),
                List.of(Dimension.of("kind", "Escalation", "升级类型"), Dimension.of("level", "Level", "级别"),
                        Dimension.GROUP),
                List.of(Figure.count("escalations", "Escalations", "升级次数")),
                scope -> facts.escalations(scope.start(), scope.end()).stream()
                        .map(e -> Fact.of(e.caseId(), new String[] {e.kind(), String.valueOf(e.level()), e.group()}, 1))
                        .toList());
    }
}
