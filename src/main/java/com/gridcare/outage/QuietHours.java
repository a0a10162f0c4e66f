package com.gridcare.outage;

import com.gridcare.kernel.EngineClock;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** Quiet hours in Beijing time, e.g. 21:00–08:00 (across midnight) or 12:00–14:00. */
record QuietHours(LocalTime from, LocalTime until) {

    boolean contains(OffsetDateTime time) {
        var local = time.atZoneSameInstant(EngineClock.ZONE).toLocalTime();
        if (from.equals(until)) return false;
        return from.isBefore(until) ? !local.isBefore(from) && local.isBefore(until)
                : !local.isBefore(from) || local.isBefore(until);
    }

    /** When a message written at {@code time} may go out: {@code time} itself, or the end of the quiet hours. */
    OffsetDateTime release(OffsetDateTime time) {
        if (!contains(time)) return time;
        var zoned = time.atZoneSameInstant(EngineClock.ZONE);
        var end = zoned.with(until).withSecond(0).withNano(0);
        if (!end.isAfter(zoned)) end = end.plusDays(1);
        return end.toOffsetDateTime();
    }
}
