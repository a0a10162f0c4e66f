package com.gridcare.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.deployment.SourceFolder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped calendars of rules/calendars/ and the working-time semantics of docs/product-guide.md. */
class WorkingCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Duration DAY = Duration.ofHours(9);

    final List<String> fallbacks = new ArrayList<>();
    final CalendarSet calendars = CalendarSet.parse(SourceFolder.of("rules/calendars", "").read(p -> true),
            (calendar, year) -> fallbacks.add(calendar + " " + year));
    final WorkingCalendar china = calendars.get(Calendars.CHINA_WORKDAYS);
    final WorkingCalendar clockTime = calendars.get(Calendars.AROUND_THE_CLOCK);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Duration days(double n) {
        return Duration.ofMillis(Math.round(n * DAY.toMillis()));
    }

    @Test
    void productExampleOneWorkingDayFromFridayAfternoonEndsOnTheMakeUpSunday() {
        assertThat(china.add(at("2026-09-18T16:00"), days(1))).isEqualTo(at("2026-09-20T16:00"));
    }

    @Test
    void productExampleSevenWorkingDaysAcrossMidAutumnAndNationalDay() {
        assertThat(china.add(at("2026-09-24T10:00"), days(7))).isEqualTo(at("2026-10-12T10:00"));
    }

    @Test
    void residentialConnectionOfIssue6FiveWorkingDaysFromWednesdayBeforeNationalDay() {
        assertThat(china.add(at("2026-09-30T10:00"), days(5))).isEqualTo(at("2026-10-13T10:00"));
    }

    /** Every day off of 2026 (the State Council's holiday notice), including those on weekends. */
    static Stream<String> holidays2026() {
        return Stream.of("2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
                "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
                "2026-10-01..2026-10-07");
    }

    @ParameterizedTest
    @MethodSource("holidays2026")
    void everyDayOfA2026HolidayIsOffAndCountsNoWorkingTime(String range) {
        var from = LocalDate.parse(range.substring(0, 10));
        var to = LocalDate.parse(range.substring(12));
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            assertThat(china.isWorkingDay(day)).as("%s is off", day).isFalse();
            assertThat(china.between(day.atStartOfDay(SHANGHAI).toInstant(),
                    day.plusDays(1).atStartOfDay(SHANGHAI).toInstant())).as("%s", day).isZero();
            assertThat(china.isWorkingTime(day.atTime(10, 0).atZone(SHANGHAI).toInstant())).isFalse();
        }
        // the last working day before and the first after the holiday are working days
        assertThat(china.isWorkingDay(previousWorkingDay(from))).isTrue();
        var before = previousWorkingDay(from).atTime(17, 0).atZone(SHANGHAI).toInstant();
        var firstAfter = nextWorkingDay(to);
        assertThat(china.add(before, Duration.ofHours(1)))
                .isEqualTo(firstAfter.atTime(9, 0).atZone(SHANGHAI).toInstant());
    }

    @ParameterizedTest
    @MethodSource("makeUpDays2026")
    void everyMakeUpDayOf2026IsAWeekendDayWorkedFrom0830To1730(String date) {
        var day = LocalDate.parse(date);
        assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(china.isWorkingDay(day)).isTrue();
        assertThat(china.between(day.atStartOfDay(SHANGHAI).toInstant(),
                day.plusDays(1).atStartOfDay(SHANGHAI).toInstant())).isEqualTo(DAY);
        assertThat(china.isWorkingTime(day.atTime(8, 29).atZone(SHANGHAI).toInstant())).isFalse();
        assertThat(china.isWorkingTime(day.atTime(8, 30).atZone(SHANGHAI).toInstant())).isTrue();
        assertThat(china.isWorkingTime(day.atTime(17, 29).atZone(SHANGHAI).toInstant())).isTrue();
        assertThat(china.isWorkingTime(day.atTime(17, 30).atZone(SHANGHAI).toInstant())).isFalse();
    }

    static Stream<String> makeUpDays2026() {
        return Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    }

    @Test
    void theOther2026WeekendsAreOffAndWeekdaysOutsideHolidaysAreWorked() {
        var holidays = new ArrayList<LocalDate>();
        holidays2026().forEach(r -> {
            for (var d = LocalDate.parse(r.substring(0, 10)); !d.isAfter(LocalDate.parse(r.substring(12))); d = d.plusDays(1)) {
                holidays.add(d);
            }
        });
        var makeUp = makeUpDays2026().map(LocalDate::parse).toList();
        int working = 0;
        for (var d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expected = makeUp.contains(d) || (!weekend && !holidays.contains(d));
            assertThat(china.isWorkingDay(d)).as("%s", d).isEqualTo(expected);
            if (expected) working++;
        }
        // 261 weekdays − 19 weekdays off + 6 make-up days
        assertThat(working).isEqualTo(248);
        assertThat(china.between(at("2026-01-01T00:00"), at("2027-01-01T00:00"))).isEqualTo(DAY.multipliedBy(248));
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void the2025CalendarHasItsHolidaysAndMakeUpDays() {
        assertThat(china.isWorkingDay(LocalDate.parse("2025-01-26"))).as("Sunday make-up").isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2025-02-08"))).as("Saturday make-up").isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2025-04-27"))).isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2025-09-28"))).isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2025-02-04"))).as("Spring Festival").isFalse();
        assertThat(china.isWorkingDay(LocalDate.parse("2025-06-02"))).as("Dragon Boat").isFalse();
        assertThat(china.isWorkingDay(LocalDate.parse("2025-10-08"))).as("National Day").isFalse();
        // Mon 2025-01-27 16:30 + 1 working day: 1 h on the 27th, then the festival, then Wed 2025-02-05 16:30
        assertThat(china.add(at("2025-01-27T16:30"), days(1))).isEqualTo(at("2025-02-05T16:30"));
        // 261 weekdays − 18 weekdays off + 5 make-up days = 248 working days in 2025
        assertThat(countWorkingDays(2025)).isEqualTo(248);
        assertThat(china.between(at("2025-01-01T00:00"), at("2026-01-01T00:00"))).isEqualTo(DAY.multipliedBy(248));
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void workReceivedAtNightStartsAtTheNextWorkingMinute() {
        assertThat(china.add(at("2026-03-10T22:00"), days(1))).isEqualTo(at("2026-03-11T17:30"));
        assertThat(china.add(at("2026-03-11T03:00"), Duration.ofHours(4))).isEqualTo(at("2026-03-11T12:30"));
        assertThat(china.add(at("2026-03-10T17:30"), Duration.ofMinutes(1))).isEqualTo(at("2026-03-11T08:31"));
        assertThat(china.nextWorkingInstant(at("2026-03-10T19:00"))).isEqualTo(at("2026-03-11T08:30"));
        assertThat(china.between(at("2026-03-10T20:00"), at("2026-03-11T08:30"))).isZero();
    }

    @Test
    void workReceivedOnAHolidayStartsOnTheFirstWorkingDayAfterIt() {
        // National Day 2026-10-03 (a Saturday inside the holiday): starts Thu 2026-10-08 08:30
        assertThat(china.add(at("2026-10-03T11:00"), days(1))).isEqualTo(at("2026-10-08T17:30"));
        // Spring Festival: received Wed 2026-02-18, 4 working hours → Tue 2026-02-24 12:30
        assertThat(china.add(at("2026-02-18T10:00"), Duration.ofHours(4))).isEqualTo(at("2026-02-24T12:30"));
    }

    @Test
    void workReceivedOnAMakeUpSundayCountsFromThatSunday() {
        // Sun 2026-09-20 is a working day: 10:00 + 4 working hours = 14:00 the same Sunday
        assertThat(china.add(at("2026-09-20T10:00"), Duration.ofHours(4))).isEqualTo(at("2026-09-20T14:00"));
        // and a whole working day ends Mon 2026-09-21 10:00
        assertThat(china.add(at("2026-09-20T10:00"), days(1))).isEqualTo(at("2026-09-21T10:00"));
        // received that Sunday evening: next working minute is Monday 08:30
        assertThat(china.add(at("2026-09-20T18:00"), days(1))).isEqualTo(at("2026-09-21T17:30"));
        // an ordinary Sunday is not worked
        assertThat(china.add(at("2026-09-13T10:00"), Duration.ofHours(4))).isEqualTo(at("2026-09-14T12:30"));
    }

    @Test
    void countsAcrossYearBoundaries() {
        // Wed 2025-12-31 16:00 + 1 working day: 1.5 h, New Year 2026 off Jan 1–3, Sun Jan 4 is a make-up day
        assertThat(china.add(at("2025-12-31T16:00"), days(1))).isEqualTo(at("2026-01-04T16:00"));
        assertThat(china.between(at("2025-12-31T16:00"), at("2026-01-04T16:00"))).isEqualTo(DAY);
        // 10 working days from Mon 2025-12-22 cross the year
        var due = china.add(at("2025-12-22T09:00"), days(10));
        assertThat(due).isEqualTo(at("2026-01-06T09:00"));
        assertThat(china.between(at("2025-12-22T09:00"), due)).isEqualTo(days(10));
        // one working day before 2026-01-04 10:00 (a make-up Sunday) is 2025-12-31 10:00
        assertThat(china.subtract(at("2026-01-04T10:00"), days(1))).isEqualTo(at("2025-12-31T10:00"));
        // exactly at the end of the year's last working day
        assertThat(china.add(at("2025-12-31T08:30"), days(1))).isEqualTo(at("2025-12-31T17:30"));
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void aYearWithoutAFileCountsMondayToFridayAndSaysSo() {
        // 2027 has no file: Fri 2027-01-01 is counted as a working day (no New Year holiday)
        assertThat(china.covers(2027)).isFalse();
        assertThat(china.add(at("2026-12-31T16:30"), days(1))).isEqualTo(at("2027-01-01T16:30"));
        assertThat(fallbacks).contains("china-workdays 2027");
        // Saturday and Sunday off, Monday worked
        assertThat(china.add(at("2027-01-08T17:00"), Duration.ofHours(1))).isEqualTo(at("2027-01-11T09:00"));
        assertThat(china.isWorkingDay(LocalDate.parse("2027-10-01"))).isTrue();
    }

    @Test
    void aroundTheClockCountsEveryHourOfEveryDayAndEveryYearWithoutWarnings() {
        assertThat(clockTime.isAroundTheClock()).isTrue();
        assertThat(china.isAroundTheClock()).isFalse();
        // 23:00 on National Day + 45 minutes
        assertThat(clockTime.add(at("2026-10-01T23:00"), Duration.ofMinutes(45))).isEqualTo(at("2026-10-01T23:45"));
        assertThat(clockTime.add(at("2026-12-31T23:30"), Duration.ofHours(3))).isEqualTo(at("2027-01-01T02:30"));
        assertThat(clockTime.add(at("2031-05-01T10:00"), Duration.ofHours(24))).isEqualTo(at("2031-05-02T10:00"));
        assertThat(clockTime.between(at("2026-02-16T00:00"), at("2026-02-17T00:00"))).isEqualTo(Duration.ofHours(24));
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void addingAndCountingAgreeOnRandomInstants() {
        var random = new Random(42);
        long from = at("2025-01-01T00:00").toEpochMilli();
        long span = at("2026-12-01T00:00").toEpochMilli() - from;
        for (int i = 0; i < 20_000; i++) {
            var start = Instant.ofEpochMilli(from + (long) (random.nextDouble() * span));
            var target = Duration.ofMinutes(1 + random.nextInt(10 * 9 * 60));
            var due = china.add(start, target);
            assertThat(china.between(start, due)).isEqualTo(target);
            assertThat(china.isWorkingTime(due.minusMillis(1))).as("due %s is reached inside working time", due).isTrue();
            assertThat(china.subtract(due, target)).isBeforeOrEqualTo(start);
            assertThat(china.between(china.subtract(due, target), start)).isZero();
        }
    }

    @Test
    void refusesMistakesInCalendarFilesNamingFileAndLine() {
        assertThatThrownBy(() -> parse("china-workdays-2027.txt", """
                year: 2027
                zone: Asia/Shanghai
                working days: Monday-Friday
                working hours: 08:30-17:30
                holiday: 2027-02-30 Spring Festival
                """)).hasMessage("china-workdays-2027.txt:5: '2027-02-30' is not a date (write dates as 2026-10-01)");
        assertThatThrownBy(() -> parse("china-workdays-2027.txt", """
                year: 2027
                zone: Asia/Shanghai
                working days: Monday-Friday
                working hours: 08:30-17:30
                working day: 2027-01-04 Monday make-up?
                """)).hasMessageContaining("china-workdays-2027.txt:5: 2027-01-04 is a Monday, a working day anyway");
        assertThatThrownBy(() -> parse("china-workdays-2027.txt", """
                year: 2026
                zone: Asia/Shanghai
                working days: Monday-Friday
                working hours: 08:30-17:30
                """)).hasMessageContaining("named for 2027 but says 'year: 2026'");
        assertThatThrownBy(() -> parse("china-workdays-2027.txt", """
                year: 2027
                zone: Asia/Shanghai
                working days: Monday-Friday
                working hours: 17:30-08:30
                """)).hasMessageContaining(":4: working hours: the end must be after the start");
        assertThatThrownBy(() -> parse("china-workdays-2027.txt", """
                year: 2027
                zone: Asia/Shanghai
                working days: Monday-Friday
                working hours: 08:30-17:30
                holiday: 2027-10-01..2027-10-07 National Day
                holiday: 2027-10-07 again
                """)).hasMessageContaining(":6: 2027-10-07 is listed twice");
        assertThatThrownBy(() -> parse("china-workdays-2027.txt", """
                year: 2027
                zone: Asia/Shanghai
                weekdays: Monday-Friday
                """)).hasMessageContaining(":3: unknown key 'weekdays'");
    }

    private static CalendarSet parse(String name, String text) {
        var files = new HashMap<String, byte[]>();
        files.put(name, text.getBytes(StandardCharsets.UTF_8));
        return CalendarSet.parse(files, (c, y) -> { });
    }

    private int countWorkingDays(int year) {
        int n = 0;
        for (var d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (china.isWorkingDay(d)) n++;
        }
        return n;
    }

    private LocalDate previousWorkingDay(LocalDate day) {
        var d = day.minusDays(1);
        while (!china.isWorkingDay(d)) d = d.minusDays(1);
        return d;
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        var d = day.plusDays(1);
        while (!china.isWorkingDay(d)) d = d.plusDays(1);
        return d;
    }
}
