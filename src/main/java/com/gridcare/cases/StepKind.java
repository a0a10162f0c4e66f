package com.gridcare.cases;

import com.gridcare.api.InvalidFieldException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of step the case record holds, each with the fields of its outcome document (what a form
 * submits, or what an automatic step knows) and the typed columns reports read. A user task names its
 * kind with the extension property {@value #PROPERTY}; without one it is {@link #TASK_COMPLETED}, whose
 * document is whatever its form submitted. A document with a field its kind does not have, a value of
 * the wrong type, or without a required field is refused, naming the field.
 */
public enum StepKind {

    // ---------------------------------------------------------------- every user task
    TASK_CREATED(text("assignee"), time("dueAt"), number("priority")),
    TASK_ASSIGNED(text("assignee")),
    TASK_CANCELLED(),
    /** A user task without a kind of its own: the fields its form submitted. */
    TASK_COMPLETED(),

    // ---------------------------------------------------------------- intake (complaints and requests)
    CUSTOMER_EVALUATED(code("tier", "STRATEGIC", "KEY", "BUSINESS", "RESIDENTIAL").required(), text("flags"),
            text("reason"), text("decisionId")),
    ROUTED(text("group").required(), number("priority").required(), text("siteWorkGroup"), text("reason"),
            text("decisionId")),
    WITHDRAWAL_REQUESTED(text("reason")),

    // ---------------------------------------------------------------- complaints
    CONTACT(code("contactOutcome", "REACHED", "NOT_REACHED").required(), text("contactNote")),
    /** "Investigate and resolve": the resolution, or a question the customer must answer first. */
    RESOLUTION(bool("askCustomer"), text("customerQuestion"),
            code("rootCause", "METER_READING", "TARIFF_OR_BILLING", "NETWORK_FAULT", "STAFF_CONDUCT",
                    "PROCESS_OR_SYSTEM", "CUSTOMER_SIDE", "OTHER"),
            text("findings"), code("justified", "JUSTIFIED", "PARTLY_JUSTIFIED", "NOT_JUSTIFIED"), text("resolution"),
            number("compensationAmount"), text("compensationReason")),
    CUSTOMER_REPLY(text("customerReply").required()),
    /** Goodwill decided: by a supervisor above the approval limit, by GridCare within it; amount = what was proposed. */
    GOODWILL_DECISION(code("compensationDecision", "APPROVED", "REFUSED").required(), text("approvalNote")),
    CONFIRMATION(code("customerConfirmation", "RESOLVED", "NOT_RESOLVED").required(), text("customerFeedback")),
    REOPENED(number("reopenCount").required(), number("priority").required()),

    // ---------------------------------------------------------------- service requests
    DOCUMENTS_MISSING(text("documents").required(), number("round").required(), time("answerBy").required()),
    DOCUMENTS_RECEIVED(text("documents"), text("customerAnswer")),
    SITE_SURVEY(text("surveyFindings").required()),
    SUPPLY_PLAN(bool("supplyPlanApproved").required(), text("supplyPlanComment")),
    SITE_WORK(text("siteWorkReport").required()),
    METER_TEST(bool("meterAccurate").required(), text("meterTestResult").required()),
    BILLING_CORRECTION(number("correctionAmount").required(), text("correctionNote")),
    ACCOUNT_CHANGE(text("accountChangeNote")),
    CREW_DISPATCHED(text("crewName").required()),
    CREW_ARRIVED(text("arrivalNote")),
    REPAIR(text("repairReport").required()),
    SUPPLY_RESTORED(time("restoredAt").required()),
    REQUEST_CONFIRMATION(text("result")),

    // ---------------------------------------------------------------- outages
    /** A repair request or supply-interruption complaint linked to a known outage instead of dispatched. */
    OUTAGE_LINKED(text("outageId").required(), time("expectedRestorationAt").required()),
    /** The phone call to an IMPORTANT or PRIORITY_CARE customer before an outage's notice deadline. */
    OUTAGE_CALL(bool("customerReached").required(), text("callNote")),

    // ---------------------------------------------------------------- surveys and reviews
    SURVEY_ANSWERED(number("score").required(), text("comment")),
    RECOVERY_CALL(bool("customerReached"), text("callNotes")),
    IMPROVEMENT_PLAN(text("improvementPlan").required()),
    PLAN_REVIEW(bool("planApproved"), text("planFeedback")),
    ACCOUNT_REVIEW(bool("reviewMet"), text("reviewNotes").required(), text("nextSteps")),

    // ---------------------------------------------------------------- contracts (no case: about the customer)
    /** A renewal conversation: decided (renewed, changed, lost) or still open. */
    RENEWAL_CONVERSATION(code("renewalOutcome", "RENEWED", "CHANGED", "LOST", "OPEN").required(),
            number("newTermYears"), number("newCapacityKva"),
            code("newPriceBasis", "CATALOGUE_TARIFF", "TIME_OF_USE", "MARKET_TRADED", "FIXED_PRICE", "GREEN_PREMIUM"),
            code("lostReason", "PRICE", "RETAIL_COMPETITOR", "SELF_GENERATION", "RELOCATION", "CLOSURE",
                    "SERVICE_QUALITY", "OTHER"),
            text("conversationNotes").required()),
    /** A contract ended without a decision on its renewal: what the supervisors did about it. */
    CONTRACT_EXPIRED(text("followUpNotes").required());

    /** The BPMN extension property ({@code camunda:property}) that names a user task's kind of step. */
    public static final String PROPERTY = "caseStep";
    /** A text in a document: as long as a form allows. */
    static final int MAX_TEXT = 4000;

    /** What reports read without opening the document. */
    public record Typed(String outcome, String rootCause, String justified, BigDecimal amount) {
        static final Typed NONE = new Typed(null, null, null, null);
    }

    enum Type { TEXT, NUMBER, BOOLEAN, CODE, TIME }

    /** A field of a kind's document. */
    record Field(String name, Type type, boolean mandatory, Set<String> codes) {
        Field required() {
            return new Field(name, type, true, codes);
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    StepKind(Field... fields) {
        for (var field : fields) this.fields.put(field.name(), field);
    }

    public Set<String> fields() {
        return fields.keySet();
    }

    /** Whether any document is accepted (a task without a kind of its own). */
    boolean open() {
        return this == TASK_COMPLETED;
    }

    /**
     * Checks a document against the kind.
     *
     * @throws InvalidFieldException naming {@code variables.<field>}, as a form submission would
     */
    public void check(Map<String, Object> document) {
        for (var entry : document.entrySet()) {
            var field = fields.get(entry.getKey());
            if (field == null) {
                if (open()) {
                    checkOpenValue(entry.getKey(), entry.getValue());
                    continue;
                }
                throw invalid(entry.getKey(), "is not part of a " + name() + " step (fields: " + fields.keySet() + ")");
            }
            checkValue(field, entry.getValue());
        }
        for (var field : fields.values()) {
            if (field.mandatory() && empty(document.get(field.name()))) throw invalid(field.name(), "is required");
        }
        switch (this) {
            case RESOLUTION -> {
                if (Boolean.TRUE.equals(document.get("askCustomer"))) {
                    requireAll(document, "customerQuestion");
                } else {
                    requireAll(document, "rootCause", "findings", "justified", "resolution");
                    if (amount(document.get("compensationAmount")).signum() > 0) {
                        requireAll(document, "compensationReason");
                    }
                }
            }
            case RENEWAL_CONVERSATION -> {
                var outcome = document.get("renewalOutcome");
                if ("RENEWED".equals(outcome) || "CHANGED".equals(outcome)) requireAll(document, "newTermYears");
                if ("CHANGED".equals(outcome) && empty(document.get("newPriceBasis"))
                        && amount(document.get("newCapacityKva")).signum() <= 0) {
                    throw invalid("newCapacityKva", "a change needs a new capacity or price basis");
                }
                if ("LOST".equals(outcome)) requireAll(document, "lostReason");
            }
            case PLAN_REVIEW -> {
                if (!Boolean.TRUE.equals(document.get("planApproved"))) {
                    if (empty(document.get("planFeedback"))) {
                        throw invalid("planFeedback", "is required when the plan is sent back: say what to change");
                    }
                }
            }
            default -> { }
        }
    }

    /** The typed columns of a checked document. */
    public Typed typed(Map<String, Object> d) {
        return switch (this) {
            case TASK_ASSIGNED -> new Typed(d.get("assignee") == null ? "UNASSIGNED" : "ASSIGNED", null, null, null);
            case CUSTOMER_EVALUATED -> new Typed(codeOf(d.get("tier")), null, null, null);
            case ROUTED -> new Typed(codeOf(d.get("group")), null, null, null);
            case CONTACT -> new Typed(codeOf(d.get("contactOutcome")), null, null, null);
            case RESOLUTION -> Boolean.TRUE.equals(d.get("askCustomer"))
                    ? new Typed("CUSTOMER_ASKED", null, null, null)
                    : new Typed("RESOLVED", codeOf(d.get("rootCause")), codeOf(d.get("justified")),
                            positive(d.get("compensationAmount")));
            case GOODWILL_DECISION -> new Typed(codeOf(d.get("compensationDecision")), null, null, null);
            case CONFIRMATION -> new Typed(codeOf(d.get("customerConfirmation")), null, null, null);
            case REOPENED -> new Typed("REOPENED", null, null, null);
            case SUPPLY_PLAN -> new Typed(yesNo(d.get("supplyPlanApproved"), "APPROVED", "REJECTED"), null, null, null);
            case METER_TEST -> new Typed(yesNo(d.get("meterAccurate"), "ACCURATE", "FAULTY"), null, null, null);
            case BILLING_CORRECTION -> new Typed(null, null, null, amount(d.get("correctionAmount")));
            case SURVEY_ANSWERED -> new Typed("SCORE_" + amount(d.get("score")).intValue(), null, null, null);
            case RECOVERY_CALL -> new Typed(yesNo(d.get("customerReached"), "REACHED", "NOT_REACHED"), null, null, null);
            case PLAN_REVIEW -> new Typed(yesNo(d.get("planApproved"), "APPROVED", "SENT_BACK"), null, null, null);
            case ACCOUNT_REVIEW -> new Typed(yesNo(d.get("reviewMet"), "MET", "NOT_MET"), null, null, null);
            case RENEWAL_CONVERSATION -> new Typed(codeOf(d.get("renewalOutcome")), null, null, null);
            default -> Typed.NONE;
        };
    }

    /** The kind a BPMN property names; an unknown name is a modelling fault, said with the element. */
    public static StepKind named(String name, String element) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("BPMN element " + element + " names the kind of step '" + name
                    + "'; the kinds are " + Arrays.toString(values()));
        }
    }

    // ---------------------------------------------------------------- checks

    private static void checkValue(Field field, Object value) {
        if (value == null) return;
        var name = field.name();
        switch (field.type()) {
            case TEXT -> {
                if (!(value instanceof String text)) throw invalid(name, "must be text");
                if (text.length() > MAX_TEXT) throw invalid(name, "must be at most " + MAX_TEXT + " characters");
            }
            case NUMBER -> {
                if (!(value instanceof Number)) throw invalid(name, "must be a number");
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) throw invalid(name, "must be true or false");
            }
            case CODE -> {
                if (!(value instanceof String text) || !field.codes().contains(text)) {
                    throw invalid(name, "must be one of " + field.codes());
                }
            }
            case TIME -> {
                if (!(value instanceof String text)) throw invalid(name, "must be a date and time with offset");
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw invalid(name, "must be a date and time with offset like 2026-10-12T14:30:00+08:00");
                }
            }
        }
    }

    /** A field of a task without a kind: plain values only, as forms submit them. */
    private static void checkOpenValue(String name, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) return;
        if (value instanceof String text) {
            if (text.length() > MAX_TEXT) throw invalid(name, "must be at most " + MAX_TEXT + " characters");
            return;
        }
        throw invalid(name, "must be text, a number or true/false");
    }

    private static void requireAll(Map<String, Object> document, String... names) {
        for (var name : names) {
            if (empty(document.get(name))) throw invalid(name, "is required");
        }
    }

    static boolean empty(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }

    private static InvalidFieldException invalid(String field, String reason) {
        return new InvalidFieldException("variables." + field, reason);
    }

    private static String codeOf(Object value) {
        return value == null ? null : value.toString();
    }

    private static String yesNo(Object value, String yes, String no) {
        return value == null ? null : Boolean.TRUE.equals(value) ? yes : no;
    }

    static BigDecimal amount(Object value) {
        if (value instanceof BigDecimal decimal) return decimal;
        if (value instanceof Number number) return new BigDecimal(number.toString());
        return BigDecimal.ZERO;
    }

    private static BigDecimal positive(Object value) {
        var amount = amount(value);
        return amount.signum() > 0 ? amount : null;
    }

    // ---------------------------------------------------------------- field declarations

    private static Field text(String name) {
        return new Field(name, Type.TEXT, false, Set.of());
    }

    private static Field number(String name) {
        return new Field(name, Type.NUMBER, false, Set.of());
    }

    private static Field bool(String name) {
        return new Field(name, Type.BOOLEAN, false, Set.of());
    }

    private static Field time(String name) {
        return new Field(name, Type.TIME, false, Set.of());
    }

    private static Field code(String name, String... codes) {
        return new Field(name, Type.CODE, false, Set.of(codes));
    }
}
