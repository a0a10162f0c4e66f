package com.gridcare.clock;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's business calendar for durations and due dates, taught working time: an expression such
 * as "1 working day" is counted in GridCare's calendars from the engine's now (or from the timer's
 * creation when Camunda recalculates it); ISO 8601 durations and dates go to Camunda's own calendar
 * unchanged.
 */
final class WorkingTimeBusinessCalendar implements BusinessCalendar {

    private final BusinessCalendar standard;
    private final Calendars calendars;
    private final String defaultCalendar;

    WorkingTimeBusinessCalendar(BusinessCalendar standard, Calendars calendars, String defaultCalendar) {
        this.standard = standard;
        this.calendars = calendars;
        this.defaultCalendar = defaultCalendar;
    }

    @Override
    public Date resolveDuedate(String duedateDescription) {
        return resolveDuedate(duedateDescription, (Date) null);
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Date startDate) {
        var working = WorkingTimeExpression.parse(duedateDescription);
        if (working.isEmpty()) return standard.resolveDuedate(duedateDescription, startDate);
        return due(working.get(), startDate == null ? ClockUtil.getCurrentTime() : startDate);
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Task task) {
        var working = WorkingTimeExpression.parse(duedateDescription);
        if (working.isEmpty()) return standard.resolveDuedate(duedateDescription, task);
        return due(working.get(), ClockUtil.getCurrentTime());
    }

    private Date due(WorkingTimeExpression expression, Date start) {
        var calendar = calendars.get(expression.calendar() == null ? defaultCalendar : expression.calendar());
        return Date.from(calendar.add(start.toInstant(), expression.in(calendar)));
    }
}
