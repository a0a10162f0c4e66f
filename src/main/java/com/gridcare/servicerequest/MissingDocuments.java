package com.gridcare.servicerequest;

import com.gridcare.clock.Calendars;
import com.gridcare.clock.ClockService;
import com.gridcare.clock.TargetUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** How long a customer has to send the documents a request is missing. */
@Service
class MissingDocuments {

    /** The customer has this long to send what is missing (expiry after 10 working days). */
    static final BigDecimal EXPIRY_WORKING_DAYS = BigDecimal.TEN;

    private final ClockService time;
    private final Clock clock;

    MissingDocuments(ClockService time, Clock clock) {
        this.time = time;
        this.clock = clock;
    }

    /** When the request expires if what is missing does not arrive, counted from now. */
    Instant answerBy() {
        return time.add(Calendars.CHINA_WORKDAYS, clock.instant(),
                time.workingTime(Calendars.CHINA_WORKDAYS, EXPIRY_WORKING_DAYS, TargetUnit.WORKING_DAYS));
    }
}
