package com.gridcare.cases;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Links between cases (table {@code case_link}), e.g. a repeat complaint and the earlier ones. */
@Repository
public class CaseLinks {

    private final JdbcClient jdbc;

    CaseLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Links the case to each of the others once; a link made before stays as it was. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void link(String caseId, List<String> others, String reason, OffsetDateTime at) {
        for (var other : others) {
            jdbc.sql("""
                    INSERT INTO case_link (case_id, linked_case_id, reason, linked_at)
                    SELECT ?, ?, ?, ?
                     WHERE NOT EXISTS (SELECT 1 FROM case_link WHERE case_id = ? AND linked_case_id = ?)""")
                    .params(caseId, other, reason, at, caseId, other).update();
        }
    }

    /** The cases linked to this one, in id order. */
    public List<String> linked(String caseId) {
        return jdbc.sql("SELECT linked_case_id FROM case_link WHERE case_id = ? ORDER BY linked_case_id")
                .param(caseId).query(String.class).list();
    }
}
