package com.gridcare.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.db.TransactionCache;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case record's steps (table {@code case_step}): appended in the caller's transaction (the step's
 * own, when a listener or delegate writes it), never updated or deleted — only erasure anonymises
 * what a customer wrote. Read back per case in the order written.
 */
@Service
public class CaseSteps {

    /** The largest outcome document kept (a form's texts are at most 4,000 characters each). */
    static final int MAX_DOCUMENT = 20_000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    /** Steps this transaction has read or written, by case: a command's steps read a case's record once. */
    private final TransactionCache<String, List<CaseStep>> read = new TransactionCache<>();

    CaseSteps(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends a step after checking its document against its kind.
     *
     * @throws com.gridcare.api.InvalidFieldException when the document does not fit the kind
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseStep append(CaseStep.New step) {
        var details = withoutEmpty(step.details());
        step.kind().check(details);
        var typed = step.kind().typed(details);
        var amount = typed.amount();
        if (step.kind() == StepKind.GOODWILL_DECISION && amount == null && step.caseId() != null) {
            // a decision is about the goodwill the latest resolution proposed
            amount = latest(step.caseId(), StepKind.RESOLUTION).map(CaseStep::amount).orElse(null);
        }
        var document = write(details);
        var now = OffsetDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_step (case_id, customer_id, process_instance_id, kind, activity_id, activity_name,
                       task_id, actor, actor_group, occurred_at, outcome, root_cause, justified, amount, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(step.caseId(), step.customerId(), step.processInstanceId(), step.kind().name(),
                        limit(step.activityId(), 100), limit(step.activityName(), 200), step.taskId(),
                        limit(step.actor(), 64), limit(step.actorGroup(), 40), now, typed.outcome(), typed.rootCause(),
                        typed.justified(), amount, document)
                .update(keys, "id");
        var written = new CaseStep(keys.getKey().longValue(), step.caseId(), step.customerId(),
                step.processInstanceId(), step.kind(), step.activityId(), step.activityName(), step.taskId(),
                step.actor(), step.actorGroup(), now, typed.outcome(), typed.rootCause(), typed.justified(), amount,
                Collections.unmodifiableMap(details));
        if (step.caseId() != null) {
            read.update(step.caseId(), steps -> {
                var more = new ArrayList<>(steps);
                more.add(written);
                return List.copyOf(more);
            });
        }
        return written;
    }

    /** The case's steps in the order they were written. */
    public List<CaseStep> steps(String caseId) {
        return read.get(caseId, id -> jdbc.sql("SELECT * FROM case_step WHERE case_id = ? ORDER BY id")
                .param(id).query(this::map).list());
    }

    /** The latest step of one of the kinds. */
    public Optional<CaseStep> latest(String caseId, StepKind... kinds) {
        var wanted = Set.of(kinds);
        var steps = steps(caseId);
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (wanted.contains(steps.get(i).kind())) return Optional.of(steps.get(i));
        }
        return Optional.empty();
    }

    /** The steps of a kind, oldest first. */
    public List<CaseStep> all(String caseId, StepKind kind) {
        return steps(caseId).stream().filter(s -> s.kind() == kind).toList();
    }

    /** The value of a field in the latest step whose document has it, e.g. a resolution's text for a message. */
    public Optional<Object> latestValue(String caseId, String field) {
        var steps = steps(caseId);
        for (int i = steps.size() - 1; i >= 0; i--) {
            var value = steps.get(i).value(field);
            if (value != null) return Optional.of(value);
        }
        return Optional.empty();
    }

    /** The groups that had work on the case: the groups its tasks were for and the groups of who acted. */
    public Set<String> groups(String caseId) {
        var groups = new TreeSet<String>();
        steps(caseId).stream().map(CaseStep::actorGroup).filter(g -> g != null).forEach(groups::add);
        return groups;
    }

    /** Steps of work on a customer without a case (account reviews), oldest first. */
    public List<CaseStep> withoutCase(String customerId) {
        return jdbc.sql("SELECT * FROM case_step WHERE customer_id = ? AND case_id IS NULL ORDER BY id")
                .param(customerId).query(this::map).list();
    }

    /**
     * Erasure: each of the customer's personal values is replaced inside the documents of the steps about
     * them. The steps stay; what they decided (kinds, outcomes, root causes, amounts) is no personal data.
     *
     * @return the steps changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(String customerId, List<String> values, String replacement) {
        int changed = 0;
        for (var value : values) {
            var escaped = write(Map.of("v", value));
            // the value as it stands inside a JSON string (quotes and backslashes escaped)
            var inJson = escaped.substring(6, escaped.length() - 2);
            changed += jdbc.sql("""
                    UPDATE case_step SET details = REPLACE(details, ?, ?)
                     WHERE customer_id = ? AND details LIKE ? ESCAPE '!'""")
                    .params(inJson, replacement, customerId, "%" + likeEscaped(inJson) + "%").update();
        }
        return changed;
    }

    private static String likeEscaped(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Map<String, Object> withoutEmpty(Map<String, Object> details) {
        var kept = new LinkedHashMap<String, Object>();
        details.forEach((name, value) -> {
            if (value == null || (value instanceof String text && text.isBlank())) return;
            kept.put(name, value instanceof String text ? text.strip() : value);
        });
        return kept;
    }

    private String write(Map<String, Object> details) {
        try {
            var text = json.writeValueAsString(details);
            if (text.length() > MAX_DOCUMENT) {
                throw new IllegalArgumentException("a step's outcome is at most " + MAX_DOCUMENT + " characters as JSON");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a step's outcome must be plain values", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return Collections.unmodifiableMap(json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored step's outcome is not JSON", e);
        }
    }

    private CaseStep map(ResultSet rs, int row) throws SQLException {
        return new CaseStep(rs.getLong("id"), rs.getString("case_id"), rs.getString("customer_id"),
                rs.getString("process_instance_id"), StepKind.valueOf(rs.getString("kind")), rs.getString("activity_id"),
                rs.getString("activity_name"), rs.getString("task_id"), rs.getString("actor"),
                rs.getString("actor_group"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("outcome"),
                rs.getString("root_cause"), rs.getString("justified"), rs.getObject("amount", BigDecimal.class),
                read(rs.getString("details")));
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
