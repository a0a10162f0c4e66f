package com.gridcare.usage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a usage report covers: a month ({@code 2026-11}, monthly reports) or a quarter ({@code 2026-Q4},
 * key accounts' quarterly reports).
 */
public record UsagePeriod(String id, ReportKind kind, YearMonth from, YearMonth to) {

    public static final String PATTERN = "^(19|20)\\d{2}-((0[1-9]|1[0-2])|Q[1-4])$";
    public static final String MESSAGE = "must be a month like 2026-11 or a quarter like 2026-Q4";
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");

    public static UsagePeriod parse(String id) {
        var quarter = QUARTER.matcher(id);
        if (quarter.matches()) {
            var year = Integer.parseInt(quarter.group(1));
            var q = Integer.parseInt(quarter.group(2));
            return new UsagePeriod(id, ReportKind.QUARTERLY, YearMonth.of(year, q * 3 - 2), YearMonth.of(year, q * 3));
        }
        var month = YearMonth.parse(id);
        return new UsagePeriod(id, ReportKind.MONTHLY, month, month);
    }

    /**
     * The reports due on a day: the month before, and the quarter before when that month closed a quarter
     * (the run on 5 January makes December's monthly reports and the fourth quarter's).
     */
    public static List<UsagePeriod> dueOn(LocalDate day) {
        var month = YearMonth.from(day).minusMonths(1);
        var due = new ArrayList<UsagePeriod>();
        due.add(parse(month.toString()));
        if (month.getMonthValue() % 3 == 0) due.add(parse(month.getYear() + "-Q" + month.getMonthValue() / 3));
        return due;
    }

    public int months() {
        return (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
    }

    /** The same period a year before, as its id. */
    public String lastYear() {
        return kind == ReportKind.QUARTERLY ? (from.getYear() - 1) + id.substring(4) : to.minusYears(1).toString();
    }
}
