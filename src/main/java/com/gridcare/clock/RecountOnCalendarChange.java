package com.gridcare.clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a calendar file is added or changed (say the State Council publishes next year's holidays in
 * November and an analyst adds the file), the due dates of open clocks are counted again with it,
 * and their timers and task due dates move.
 */
@Component
class RecountOnCalendarChange {

    private static final Logger log = LoggerFactory.getLogger(RecountOnCalendarChange.class);

    RecountOnCalendarChange(Calendars calendars, CaseClocks clocks) {
        calendars.onReload(changed -> {
            try {
                int moved = clocks.recount();
                log.info("calendars {}: {} open clock(s) moved", changed.version(), moved);
            } catch (RuntimeException e) {
                log.error("calendars {}: recounting open clocks failed; they keep their due dates", changed.version(), e);
            }
        });
    }
}
