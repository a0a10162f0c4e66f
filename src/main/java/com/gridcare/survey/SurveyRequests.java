package com.gridcare.survey;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A closed case asks for its satisfaction survey here, in the closing transaction; the survey
 * feature starts {@code survey-follow-up} from the request. One request per case, however often
 * the closing step runs.
 */
@Service
public class SurveyRequests {

    public static final String PENDING = "PENDING";

    private final JdbcClient jdbc;
    private final Clock clock;

    SurveyRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return true when requested now, false when the case had asked before */
    public boolean request(String caseId, String customerId) {
        var now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                INSERT INTO survey_request (case_id, customer_id, requested_at, status, updated_at)
                SELECT ?, ?, ?, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM survey_request WHERE case_id = ?)""")
                .params(caseId, customerId, now, PENDING, now, caseId)
                .update() == 1;
    }
}
