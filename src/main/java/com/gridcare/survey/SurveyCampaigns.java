package com.gridcare.survey;

import com.gridcare.kernel.EngineClock;
import com.gridcare.kernel.process.CampaignVariables;
import com.gridcare.kernel.process.CaseVariables;
import com.gridcare.api.ConflictException;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.consent.MessagePurpose;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import com.gridcare.db.Database;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import com.gridcare.rules.runtime.DecisionService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey campaigns: a bilingual questionnaire (1–5 scales and free text) sent to a sample of a target
 * group (tier, segment, class, area) within a window. Launching selects the sample once; each
 * customer is asked the survey suppression rules first (campaign invitations count like surveys
 * after a case), then invited on their preferred channel if they consent to marketing there.
 *
 * <p>As the surveys after a case: a launched campaign runs a {@code survey-campaign} process that reminds the
 * unanswered invitations once ({@code gridcare.survey.remind-after} after the launch, when that is before the
 * window closes) and expires them when the window closes; an answer with a score of 1 or 2 starts a
 * {@code campaign-recovery-call} for the survey team, whose outcome is kept with the campaign.
 */
@Service
public class SurveyCampaigns {

    public enum QuestionKind { SCALE, TEXT }

    public record Question(int number, QuestionKind kind, String textEn, String textZh) {}

    public record Target(Tier tier, String segment, CustomerClass customerClass, Area area, int sampleSize) {}

    public record Campaign(String id, String nameEn, String nameZh, Target target, OffsetDateTime opensAt,
            OffsetDateTime closesAt, String status, List<Question> questions, OffsetDateTime launchedAt) {}

    /** How many of the sample were invited, suppressed by the rules, or left out for want of consent. */
    public record Launch(String campaignId, int selected, int invited, int suppressed, int noConsent) {}

    /** One answer of a response: a score for a SCALE question, a text for a TEXT one. */
    public record Answer(int question, Integer score, String text) {}

    /** The survey process of a launched campaign (business key: the campaign). */
    public static final String PROCESS_KEY = "survey-campaign";
    /** The recovery call after a low score (business key: campaign/customer). */
    public static final String RECOVERY_CALL_PROCESS_KEY = "campaign-recovery-call";
    /** A score this low or lower asks for a recovery call, as after a case. */
    public static final int LOW_SCORE = 2;

    /** What the reminder did: how many were reminded, how many were not for want of consent by then. */
    public record Reminders(String campaignId, int reminded, int noConsent) {}

    /** A recovery call's outcome as kept. */
    public record RecoveryCall(String campaignId, String customerId, int lowestScore, String lowQuestions,
            OffsetDateTime requestedAt, Boolean customerReached, String callNotes, String calledBy,
            OffsetDateTime calledAt) {}

    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final Database database;
    private final CustomerRepository customers;
    private final SurveySuppression suppression;
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final String linkBase;
    private final RuntimeService runtime;
    private final SecureRandom random = new SecureRandom();

    SurveyCampaigns(JdbcClient jdbc, Database database, CustomerRepository customers, SurveySuppression suppression,
            NotificationOutbox outbox, Clock clock, RuntimeService runtime, SurveyProperties properties) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.database = database;
        this.customers = customers;
        this.suppression = suppression;
        this.outbox = outbox;
        this.clock = clock;
        this.linkBase = properties.linkBase();
    }

    @Transactional
    public Campaign define(String nameEn, String nameZh, Target target, OffsetDateTime opensAt,
            OffsetDateTime closesAt, List<Question> questions, String by) {
        if (!closesAt.isAfter(opensAt)) throw new InvalidFieldException("closesAt", "must be after opensAt");
        if (Duration.between(opensAt, closesAt).toDays() > 92) {
            throw new InvalidFieldException("closesAt", "a campaign runs at most 92 days");
        }
        var now = OffsetDateTime.now(clock);
        long n = jdbc.sql(database.nextValue("survey_campaign_number_seq")).query(Long.class).single();
        var id = "CPG-%d-%04d".formatted(now.atZoneSameInstant(EngineClock.ZONE).getYear(), n);
        jdbc.sql("""
                INSERT INTO survey_campaign (id, name_en, name_zh, target_tier, target_segment, target_class, target_area,
                       sample_size, opens_at, closes_at, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DEFINED', ?, ?)""")
                .params(id, nameEn, nameZh, name(target.tier()), target.segment(), name(target.customerClass()),
                        name(target.area()), target.sampleSize(), opensAt, closesAt, by, now)
                .update();
        int number = 0;
        for (var q : questions) {
            jdbc.sql("""
                    INSERT INTO survey_campaign_question (campaign_id, question_no, kind, text_en, text_zh)
                    VALUES (?, ?, ?, ?, ?)""").params(id, ++number, q.kind().name(), q.textEn(), q.textZh()).update();
        }
        return get(id);
    }

    public Campaign get(String id) {
        var questions = jdbc.sql("SELECT * FROM survey_campaign_question WHERE campaign_id = ? ORDER BY question_no")
                .param(id).query((rs, n) -> new Question(rs.getInt("question_no"),
                        QuestionKind.valueOf(rs.getString("kind")), rs.getString("text_en"), rs.getString("text_zh")))
                .list();
        return jdbc.sql("SELECT * FROM survey_campaign WHERE id = ?").param(id).query((rs, n) -> new Campaign(
                rs.getString("id"), rs.getString("name_en"), rs.getString("name_zh"),
                new Target(enumOf(Tier.class, rs.getString("target_tier")), rs.getString("target_segment"),
                        enumOf(CustomerClass.class, rs.getString("target_class")),
                        enumOf(Area.class, rs.getString("target_area")), rs.getInt("sample_size")),
                rs.getObject("opens_at", OffsetDateTime.class), rs.getObject("closes_at", OffsetDateTime.class),
                rs.getString("status"), questions, rs.getObject("launched_at", OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("id: no campaign " + id));
    }

    /**
     * Selects the sample (the same one however often it is called: a launch runs once) and invites it.
     */
    @Transactional
    public Launch launch(String id) {
        jdbc.sql("SELECT id FROM survey_campaign WHERE id = ? FOR UPDATE").param(id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("id: no campaign " + id));
        var campaign = get(id);
        var now = OffsetDateTime.now(clock);
        if (campaign.launchedAt() != null) return counts(id);
        if (now.isAfter(campaign.closesAt())) throw new ConflictException("campaign " + id + " has closed");
        var target = campaign.target();
        var population = new ArrayList<>(customers.targeted(target.tier(), target.segment(), target.customerClass(),
                target.area()));
        // a sample that is the same for the same campaign and population
        Collections.shuffle(population, new Random(id.hashCode()));
        var sample = population.subList(0, Math.min(target.sampleSize(), population.size()));
        for (var customer : sample) {
            var verdict = suppression.forCampaign(id, customer.id());
            String status;
            String code = null;
            if (verdict.output().suppressed()) {
                status = "SUPPRESSED";
            } else {
                code = replyCode();
                var queued = outbox.enqueueToCustomer(customer.id(), "CAMPAIGN:" + id,
                        NotificationTemplate.CAMPAIGN_INVITATION, "1", MessagePurpose.CAMPAIGN,
                        Map.of("campaignName", campaign.nameZh() + " / " + campaign.nameEn(),
                                "surveyLink", linkBase + code, "replyCode", code, "answerBy", campaign.closesAt()),
                        null);
                status = queued == NotificationOutbox.Queued.NO_CONSENT ? "NO_CONSENT" : "INVITED";
                if (!status.equals("INVITED")) code = null;
            }
            jdbc.sql("""
                    INSERT INTO survey_campaign_invitation (campaign_id, customer_id, status, reply_code, reason,
                           decision_id, segments, invited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, customer.id(), status, code,
                            status.equals("SUPPRESSED") ? limit(verdict.explanation()) : null, verdict.id(),
                            String.join(",", customer.segments()), status.equals("INVITED") ? now : null)
                    .update();
        }
        jdbc.sql("UPDATE survey_campaign SET status = 'LAUNCHED', launched_at = ? WHERE id = ?").params(now, id).update();
        // its reminder and expiry, in the launch's transaction
        var instance = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(id)
                .setVariable(CampaignVariables.CAMPAIGN_ID, id).execute();
        jdbc.sql("UPDATE survey_campaign SET process_instance_id = ? WHERE id = ?").params(instance.getId(), id).update();
        return counts(id);
    }

    /** When the campaign was launched (its invitations sent); the reminder counts from then. */
    OffsetDateTime launchedAt(String id) {
        return jdbc.sql("SELECT launched_at FROM survey_campaign WHERE id = ?").param(id)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .orElseThrow(() -> new IllegalStateException("no campaign " + id));
    }

    /**
     * Reminds each invitation still unanswered, once, on the customer's preferred channel: not those who
     * answered (or whose invitation expired), and not those who withdrew their marketing consent meanwhile
     * (kept as {@code NO_CONSENT}, nothing queued).
     */
    @Transactional
    public Reminders remind(String id) {
        var campaign = get(id);
        var now = OffsetDateTime.now(clock);
        var open = jdbc.sql("""
                SELECT customer_id, reply_code FROM survey_campaign_invitation
                 WHERE campaign_id = ? AND status = 'INVITED' AND reminder_status IS NULL ORDER BY customer_id""")
                .param(id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        int reminded = 0;
        int noConsent = 0;
        for (var invitation : open) {
            var code = invitation[1];
            var queued = outbox.enqueueToCustomer(invitation[0], "CAMPAIGN:" + id, NotificationTemplate.CAMPAIGN_REMINDER,
                    "2", MessagePurpose.CAMPAIGN, Map.of("campaignName", campaign.nameZh() + " / " + campaign.nameEn(),
                            "surveyLink", linkBase + code, "replyCode", code, "answerBy", campaign.closesAt()),
                    null);
            var sent = queued != NotificationOutbox.Queued.NO_CONSENT;
            if (sent) reminded++; else noConsent++;
            jdbc.sql("""
                    UPDATE survey_campaign_invitation SET reminder_status = ?, reminded_at = ?
                     WHERE campaign_id = ? AND customer_id = ? AND status = 'INVITED'""")
                    .params(sent ? "SENT" : "NO_CONSENT", sent ? now : null, id, invitation[0]).update();
        }
        jdbc.sql("UPDATE survey_campaign SET reminded_at = ? WHERE id = ?").params(now, id).update();
        return new Reminders(id, reminded, noConsent);
    }

    /** The window closed: every invitation still unanswered expires; the campaign is CLOSED. */
    @Transactional
    public int expire(String id) {
        var now = OffsetDateTime.now(clock);
        int expired = jdbc.sql("""
                UPDATE survey_campaign_invitation SET status = 'EXPIRED', expired_at = ?
                 WHERE campaign_id = ? AND status = 'INVITED'""").params(now, id).update();
        jdbc.sql("UPDATE survey_campaign SET status = 'CLOSED', expired_at = ? WHERE id = ?").params(now, id).update();
        return expired;
    }

    /** A recovery call's outcome, recorded once (its task's completion). */
    @Transactional
    public void recordRecoveryCall(String campaignId, String customerId, boolean reached, String notes, String by) {
        var recorded = jdbc.sql("""
                UPDATE survey_campaign_recovery_call SET customer_reached = ?, call_notes = ?, called_by = ?, called_at = ?
                 WHERE campaign_id = ? AND customer_id = ? AND called_at IS NULL""")
                .params(reached, notes == null ? null : limit(notes.strip(), 2000), by, OffsetDateTime.now(clock),
                        campaignId, customerId).update();
        if (recorded != 1) {
            throw new IllegalStateException("no open recovery call for " + customerId + " in " + campaignId);
        }
    }

    public Optional<RecoveryCall> recoveryCall(String campaignId, String customerId) {
        return jdbc.sql("SELECT * FROM survey_campaign_recovery_call WHERE campaign_id = ? AND customer_id = ?")
                .params(campaignId, customerId).query((rs, n) -> new RecoveryCall(rs.getString("campaign_id"),
                        rs.getString("customer_id"), rs.getInt("lowest_score"), rs.getString("low_questions"),
                        rs.getObject("requested_at", OffsetDateTime.class), (Boolean) rs.getObject("customer_reached"),
                        rs.getString("call_notes"), rs.getString("called_by"),
                        rs.getObject("called_at", OffsetDateTime.class)))
                .optional();
    }

    /** The customer's answers to a campaign, by question (for the recovery call's form). */
    public List<Answer> answers(String campaignId, String customerId) {
        return jdbc.sql("""
                SELECT question_no, score, answer_text FROM survey_campaign_answer WHERE campaign_id = ? AND customer_id = ?
                 ORDER BY question_no""").params(campaignId, customerId)
                .query((rs, n) -> new Answer(rs.getInt(1), rs.getObject(2, Integer.class), rs.getString(3))).list();
    }

    /** A customer's answers, by reply code; once, within the window. */
    @Transactional
    public void answer(String campaignId, String replyCode, List<Answer> answers) {
        var campaign = get(campaignId);
        var invitation = jdbc.sql("""
                SELECT customer_id, status FROM survey_campaign_invitation WHERE campaign_id = ? AND reply_code = ?
                 FOR UPDATE""").params(campaignId, replyCode).query((rs, n) -> new String[] {rs.getString(1),
                rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("replyCode: no invitation with this code in " + campaignId));
        if ("ANSWERED".equals(invitation[1])) throw new ConflictException("already answered");
        if ("EXPIRED".equals(invitation[1])) throw new ConflictException("the invitation expired when the window closed");
        var now = OffsetDateTime.now(clock);
        if (now.isAfter(campaign.closesAt())) throw new ConflictException("campaign " + campaignId + " has closed");
        var questions = new LinkedHashMap<Integer, Question>();
        campaign.questions().forEach(q -> questions.put(q.number(), q));
        for (int i = 0; i < answers.size(); i++) {
            var a = answers.get(i);
            var q = questions.get(a.question());
            var field = "answers[" + i + "]";
            if (q == null) throw new InvalidFieldException(field + ".question", "no such question");
            if (q.kind() == QuestionKind.SCALE && (a.score() == null || a.score() < 1 || a.score() > 5)) {
                throw new InvalidFieldException(field + ".score", "must be 1 to 5");
            }
            if (q.kind() == QuestionKind.TEXT && (a.text() == null || a.text().isBlank())) {
                throw new InvalidFieldException(field + ".text", "is required for a text question");
            }
            jdbc.sql("""
                    INSERT INTO survey_campaign_answer (campaign_id, customer_id, question_no, score, answer_text)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(campaignId, invitation[0], a.question(), q.kind() == QuestionKind.SCALE ? a.score() : null,
                            q.kind() == QuestionKind.TEXT ? a.text().strip() : null)
                    .update();
        }
        jdbc.sql("UPDATE survey_campaign_invitation SET status = 'ANSWERED', answered_at = ? WHERE campaign_id = ? AND customer_id = ?")
                .params(now, campaignId, invitation[0]).update();
        // a low score: the survey team calls the customer, as after a case
        var low = answers.stream().filter(a -> questions.get(a.question()).kind() == QuestionKind.SCALE
                && a.score() <= LOW_SCORE).toList();
        if (!low.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO survey_campaign_recovery_call (campaign_id, customer_id, lowest_score, low_questions,
                           requested_at) VALUES (?, ?, ?, ?, ?)""")
                    .params(campaignId, invitation[0], low.stream().mapToInt(Answer::score).min().orElseThrow(),
                            String.join(",", low.stream().map(a -> String.valueOf(a.question())).toList()), now)
                    .update();
            var instance = runtime.createProcessInstanceByKey(RECOVERY_CALL_PROCESS_KEY)
                    .businessKey(campaignId + "/" + invitation[0])
                    .setVariable(CampaignVariables.CAMPAIGN_ID, campaignId)
                    .setVariable(CaseVariables.CUSTOMER_ID, invitation[0]).execute();
            jdbc.sql("UPDATE survey_campaign_recovery_call SET process_instance_id = ? WHERE campaign_id = ? AND customer_id = ?")
                    .params(instance.getId(), campaignId, invitation[0]).update();
        }
    }

    /** Results by question: answers, average and distribution of scores, and the same by segment. */
    public Map<String, Object> results(String id) {
        var campaign = get(id);
        var result = new LinkedHashMap<String, Object>();
        result.put("campaignId", id);
        var counts = counts(id);
        result.put("selected", counts.selected());
        result.put("invited", counts.invited());
        result.put("suppressed", counts.suppressed());
        result.put("noConsent", counts.noConsent());
        result.put("answered", jdbc.sql("SELECT COUNT(*) FROM survey_campaign_invitation WHERE campaign_id = ? AND status = 'ANSWERED'")
                .param(id).query(Integer.class).single());
        result.put("reminded", jdbc.sql("SELECT COUNT(*) FROM survey_campaign_invitation WHERE campaign_id = ? AND reminder_status = 'SENT'")
                .param(id).query(Integer.class).single());
        result.put("expired", jdbc.sql("SELECT COUNT(*) FROM survey_campaign_invitation WHERE campaign_id = ? AND status = 'EXPIRED'")
                .param(id).query(Integer.class).single());
        result.put("recoveryCalls", jdbc.sql("SELECT COUNT(*) FROM survey_campaign_recovery_call WHERE campaign_id = ?")
                .param(id).query(Integer.class).single());
        result.put("recoveryCallsMade", jdbc.sql("SELECT COUNT(*) FROM survey_campaign_recovery_call WHERE campaign_id = ? AND called_at IS NOT NULL")
                .param(id).query(Integer.class).single());
        var rows = jdbc.sql("""
                SELECT a.question_no, a.score, a.answer_text, i.segments FROM survey_campaign_answer a
                  JOIN survey_campaign_invitation i ON i.campaign_id = a.campaign_id AND i.customer_id = a.customer_id
                 WHERE a.campaign_id = ?""").param(id)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, Integer.class), rs.getString(3),
                        rs.getString(4)}).list();
        var questions = new ArrayList<Map<String, Object>>();
        for (var q : campaign.questions()) {
            var out = new LinkedHashMap<String, Object>();
            out.put("question", q.number());
            out.put("kind", q.kind());
            out.put("textEn", q.textEn());
            out.put("textZh", q.textZh());
            var mine = rows.stream().filter(r -> (int) r[0] == q.number()).toList();
            out.put("answers", mine.size());
            if (q.kind() == QuestionKind.SCALE) {
                var distribution = new TreeMap<Integer, Integer>();
                for (int s = 1; s <= 5; s++) distribution.put(s, 0);
                mine.forEach(r -> distribution.merge((Integer) r[1], 1, Integer::sum));
                out.put("average", average(mine));
                out.put("distribution", distribution);
                var bySegment = new TreeMap<String, Map<String, Object>>();
                for (var segment : List.of("GREEN", "RELIABILITY", "DIGITAL", "PRICE_SENSITIVE", "NONE")) {
                    var inSegment = mine.stream().filter(r -> segment.equals("NONE") ? ((String) r[3]).isBlank()
                            : ("," + r[3] + ",").contains("," + segment + ",")).toList();
                    if (inSegment.isEmpty()) continue;
                    bySegment.put(segment, Map.of("answers", inSegment.size(), "average", average(inSegment)));
                }
                out.put("bySegment", bySegment);
            } else {
                out.put("texts", mine.stream().map(r -> (String) r[2]).sorted().limit(200).toList());
            }
            questions.add(out);
        }
        result.put("questions", questions);
        return result;
    }

    private Launch counts(String id) {
        var byStatus = new TreeMap<String, Integer>();
        jdbc.sql("SELECT status, COUNT(*) FROM survey_campaign_invitation WHERE campaign_id = ? GROUP BY status")
                .param(id).query((rs, n) -> byStatus.put(rs.getString(1), rs.getInt(2))).list();
        int invited = byStatus.getOrDefault("INVITED", 0) + byStatus.getOrDefault("ANSWERED", 0)
                + byStatus.getOrDefault("EXPIRED", 0);
        int suppressed = byStatus.getOrDefault("SUPPRESSED", 0);
        int noConsent = byStatus.getOrDefault("NO_CONSENT", 0);
        return new Launch(id, invited + suppressed + noConsent, invited, suppressed, noConsent);
    }

    private static double average(List<Object[]> rows) {
        return Math.round(rows.stream().mapToInt(r -> (Integer) r[1]).average().orElse(0) * 100) / 100.0;
    }

    private String replyCode() {
        var code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        return code.toString();
    }

    private static String limit(String text) {
        return limit(text, 400);
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
