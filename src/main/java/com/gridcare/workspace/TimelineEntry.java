package com.gridcare.workspace;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One thing on a customer's timeline. Codes, not sentences: screens word them in the reader's
 * language; {@code text} is what someone wrote or the rules explained (as written).
 *
 * @param type what it is
 * @param kind its kind within the type: COMPLAINT or SERVICE_REQUEST for a case, ENQUIRY/SUGGESTION/PRAISE
 *     for a contact, the survey's status, the message's template, the decision's kind, the offer code of points
 * @param by the member of staff (or system) who did it, when known
 * @param details type-specific figures (a case's status, stage, outcome and group; a survey's score; ...)
 */
public record TimelineEntry(OffsetDateTime at, Type type, String kind, String caseId, String text, String by,
        Map<String, Object> details) {

    public enum Type { CASE, CONTACT, SURVEY, NOTIFICATION, DECISION, POINTS }
}
