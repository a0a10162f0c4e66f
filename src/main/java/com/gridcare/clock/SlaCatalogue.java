package com.gridcare.clock;

import com.gridcare.rules.runtime.Decision;
import com.gridcare.rules.runtime.DecisionService;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Decides the SLA clocks of a piece of work and their targets with the SLA catalogue
 * ({@code rules/sla}), through the decision service, so that every decision is in the decision log
 * with the catalogue version and the rows that matched.
 */
@Service
public class SlaCatalogue {

    public static final String DECISION_KIND = "SLA_TARGETS";
    public static final String RULE_PACKAGE = "sla";

    private final DecisionService decisions;
    private final Calendars calendars;

    SlaCatalogue(DecisionService decisions, Calendars calendars) {
        this.decisions = decisions;
        this.calendars = calendars;
    }

    public Decision<SlaTargets> decide(SlaFacts facts, DecisionService.Subject subject) {
        if (facts.getWork() == null || facts.getStartDate() == null) {
            throw new IllegalArgumentException("the SLA catalogue needs the work and its start date");
        }
        var calendarSet = calendars.current();
        var result = new SlaTargets((amount, unit, calendarId) -> {
            var calendar = calendarSet.find(calendarId).orElseThrow(() -> new IllegalStateException(
                    "the SLA catalogue names calendar '" + calendarId + "', which rules/calendars/ does not have (there are "
                            + calendarSet.all().keySet() + ")"));
            if (unit.isWorkingTime() == calendar.isAroundTheClock()) {
                throw new IllegalStateException("the SLA catalogue counts " + unit + " in calendar '" + calendarId
                        + "': working days and hours need a working-day calendar, hours and minutes the 24x7 calendar");
            }
            return unit.toDuration(amount, calendar);
        }, calendarSet.version());
        return decisions.decide(DECISION_KIND, RULE_PACKAGE, subject, facts, List.of(result), f -> result,
                (f, rulePackage) -> result.explain());
    }

    /** The targets only. */
    public List<SlaTarget> targets(SlaFacts facts, DecisionService.Subject subject) {
        return decide(facts, subject).output().targets();
    }
}
