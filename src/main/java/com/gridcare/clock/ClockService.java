package com.gridcare.clock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Working-time arithmetic on the live calendars: due dates, working time between two instants,
 * pauses. Each call is a few binary searches over precomputed year tables (see bench/).
 */
@Service
public class ClockService {

    private final Calendars calendars;

    ClockService(Calendars calendars) {
        this.calendars = calendars;
    }

    public WorkingCalendar calendar(String calendarId) {
        return calendars.get(calendarId);
    }

    /** The instant at which {@code workingTime} has passed after {@code start}, counted in the calendar. */
    public Instant add(String calendarId, Instant start, Duration workingTime) {
        return calendars.get(calendarId).add(start, workingTime);
    }

    /** The due date of work received at {@code received} with a target such as 7 working days. */
    public Instant dueDate(String calendarId, Instant received, BigDecimal amount, TargetUnit unit) {
        var calendar = calendars.get(calendarId);
        return calendar.add(received, unit.toDuration(amount, calendar));
    }

    /** Working time between two instants; negative when {@code to} is before {@code from}. */
    public Duration between(String calendarId, Instant from, Instant to) {
        return calendars.get(calendarId).between(from, to);
    }

    /** A target as working time of the calendar (7 working days = 63 working hours at 9 hours a day). */
    public Duration workingTime(String calendarId, BigDecimal amount, TargetUnit unit) {
        return unit.toDuration(amount, calendars.get(calendarId));
    }

    /** The working time a clock stood still when paused at {@code pausedAt} and resumed at {@code resumedAt}. */
    public Duration pausedTime(String calendarId, Instant pausedAt, Instant resumedAt) {
        var paused = between(calendarId, pausedAt, resumedAt);
        return paused.isNegative() ? Duration.ZERO : paused;
    }

    /** A due date (or warning) moved on by the working time a clock was paused. */
    public Instant resume(String calendarId, Instant due, Instant pausedAt, Instant resumedAt) {
        return add(calendarId, due, pausedTime(calendarId, pausedAt, resumedAt));
    }

    /** "1.5 working days left / 剩余 1.5 个工作日" or "overdue by 3 working hours / 已超时 3 个工作小时". */
    public String timeLeft(String calendarId, Instant now, Instant due) {
        var calendar = calendars.get(calendarId);
        return TimeLeft.describe(calendar.between(now, due), calendar);
    }
}
