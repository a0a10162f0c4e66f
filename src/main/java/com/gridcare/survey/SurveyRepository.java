package com.gridcare.survey;

import com.gridcare.db.Database;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The survey table: one row per survey, its status changes guarded by the expected status. */
@Repository
public class SurveyRepository {

    // No 0/O, 1/I/L: reply codes are typed from a text message or read out on the phone.
    private static final String REPLY_CODE_LETTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int REPLY_CODE_LENGTH = 8;

    private final JdbcClient jdbc;
    private final Database database;
    private final SecureRandom random = new SecureRandom();

    SurveyRepository(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** The next survey number: {@code SVY-2026-000123}. */
    String nextId(int year) {
        long n = jdbc.sql(database.nextValue("survey_number_seq")).query(Long.class).single();
        return "SVY-%d-%06d".formatted(year, n);
    }

    String newReplyCode() {
        var code = new StringBuilder(REPLY_CODE_LENGTH);
        for (int i = 0; i < REPLY_CODE_LENGTH; i++) {
            code.append(REPLY_CODE_LETTERS.charAt(random.nextInt(REPLY_CODE_LETTERS.length())));
        }
        return code.toString();
    }

    void insert(String id, String caseId, String customerId, String channel, String category, String owningGroup,
            String replyCode, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO survey (id, case_id, customer_id, channel, category, owning_group, reply_code, status,
                                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, customerId, channel, category, owningGroup, replyCode,
                        SurveyStatus.REQUESTED.name(), now, now)
                .update();
    }

    void linkProcess(String id, String processInstanceId) {
        jdbc.sql("UPDATE survey SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    public Optional<Survey> find(String id) {
        return jdbc.sql("SELECT * FROM survey WHERE id = ?").param(id).query(SurveyRepository::map).optional();
    }

    public Optional<Survey> findByCase(String caseId) {
        return jdbc.sql("SELECT * FROM survey WHERE case_id = ?").param(caseId).query(SurveyRepository::map)
                .optional();
    }

    public Optional<Survey> findByReplyCode(String replyCode) {
        return jdbc.sql("SELECT * FROM survey WHERE reply_code = ?").param(replyCode).query(SurveyRepository::map)
                .optional();
    }

    /** The survey, its row locked until the transaction ends (an answer racing the expiry). */
    Optional<Survey> lock(String id) {
        return jdbc.sql("SELECT * FROM survey WHERE id = ? FOR UPDATE").param(id).query(SurveyRepository::map)
                .optional();
    }

    /** Surveys the customer was sent (invited) since a moment. */
    int invitedSince(String customerId, OffsetDateTime since) {
        // campaign invitations count like surveys after a case
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM survey WHERE customer_id = ? AND invited_at >= ?)
                     + (SELECT COUNT(*) FROM survey_campaign_invitation WHERE customer_id = ? AND invited_at >= ?)""")
                .params(customerId, since, customerId, since).query(Integer.class).single();
    }

    Optional<OffsetDateTime> lastInvited(String customerId) {
        var survey = jdbc.sql("SELECT MAX(invited_at) FROM survey WHERE customer_id = ?").param(customerId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single();
        var campaign = jdbc.sql("SELECT MAX(invited_at) FROM survey_campaign_invitation WHERE customer_id = ?")
                .param(customerId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single();
        if (survey.isEmpty()) return campaign;
        if (campaign.isEmpty()) return survey;
        return Optional.of(survey.get().isAfter(campaign.get()) ? survey.get() : campaign.get());
    }

    boolean suppress(String id, String reason, String decisionId, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE survey SET status = ?, suppression_reason = ?, suppression_decision_id = ?, updated_at = ?
                 WHERE id = ? AND status = ?""")
                .params(SurveyStatus.SUPPRESSED.name(), truncate(reason, 400), decisionId, now, id,
                        SurveyStatus.REQUESTED.name())
                .update() == 1;
    }

    boolean invite(String id, OffsetDateTime invitedAt, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                UPDATE survey SET status = ?, invited_at = ?, expires_at = ?, updated_at = ?
                 WHERE id = ? AND status = ?""")
                .params(SurveyStatus.INVITED.name(), invitedAt, expiresAt, invitedAt, id,
                        SurveyStatus.REQUESTED.name())
                .update() == 1;
    }

    boolean answer(String id, int score, String comment, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE survey SET status = ?, score = ?, answer_comment = ?, answered_at = ?, updated_at = ?
                 WHERE id = ? AND status = ?""")
                .params(SurveyStatus.ANSWERED.name(), score, comment, now, now, id, SurveyStatus.INVITED.name())
                .update() == 1;
    }

    boolean expire(String id, OffsetDateTime now) {
        return jdbc.sql("UPDATE survey SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(SurveyStatus.EXPIRED.name(), now, id, SurveyStatus.INVITED.name())
                .update() == 1;
    }

    void recordPlanSent(String id, String plan, OffsetDateTime now) {
        jdbc.sql("UPDATE survey SET improvement_plan = ?, plan_sent_at = ?, updated_at = ? WHERE id = ?")
                .params(plan, now, now, id).update();
    }

    /** Keeps a refused late answer; once per idempotency key when the request carried one. */
    void keepLateAnswer(String id, int score, String comment, String idempotencyKey, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO survey_late_answer (survey_id, score, answer_comment, idempotency_key, received_at)
                SELECT ?, ?, ?, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM survey_late_answer WHERE survey_id = ? AND idempotency_key = ?)""")
                .params(id, score, comment, idempotencyKey, now, id, idempotencyKey)
                .update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    static Survey map(ResultSet rs, int n) throws SQLException {
        return new Survey(rs.getString("id"), rs.getString("case_id"), rs.getString("customer_id"),
                rs.getString("process_instance_id"), rs.getString("channel"), rs.getString("category"),
                rs.getString("owning_group"), rs.getString("reply_code"), SurveyStatus.valueOf(rs.getString("status")),
                rs.getString("suppression_reason"), rs.getObject("invited_at", OffsetDateTime.class),
                rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("answered_at", OffsetDateTime.class),
                (Integer) rs.getObject("score"), rs.getString("answer_comment"), rs.getString("improvement_plan"),
                rs.getObject("plan_sent_at", OffsetDateTime.class));
    }
}
