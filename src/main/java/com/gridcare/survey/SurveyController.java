package com.gridcare.survey;

import static com.gridcare.security.Groups.CHANNEL_SYSTEMS;
import static com.gridcare.security.Groups.CUSTOMER_SERVICE;
import static com.gridcare.security.Groups.SURVEY_TEAM;

import com.gridcare.api.Idempotency;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.security.AllowedGroups;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The customer's answer to a satisfaction survey, as a channel system or an agent passes it on. */
@RestController
class SurveyController {

    static final String SURVEY_ID = "^SVY-\\d{4}-\\d{6}$";
    static final String SURVEY_ID_MESSAGE = "must be a survey number like SVY-2026-000123";
    static final int MAX_COMMENT = 2000;

    /** {@code POST /surveys/{surveyId}/responses}: score 1 to 5, an optional comment. */
    record ResponseRequest(Integer score, String comment) {}

    /** The stored answer. */
    record ResponseReceipt(String surveyId, String caseId, int score, String answeredAt) {}

    private final SurveyResponses responses;
    private final Idempotency idempotency;

    SurveyController(SurveyResponses responses, Idempotency idempotency) {
        this.responses = responses;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/surveys/{surveyId}/responses")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, SURVEY_TEAM})
    ResponseEntity<Object> answer(
            @PathVariable @Pattern(regexp = SURVEY_ID, message = SURVEY_ID_MESSAGE) String surveyId,
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody(required = false) ResponseRequest request) {
        if (request == null || request.score() == null) {
            throw new InvalidFieldException("score", "is required: 1 to 5");
        }
        if (request.score() < 1 || request.score() > 5) {
            throw new InvalidFieldException("score", "must be 1 to 5");
        }
        var comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidFieldException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        var identity = new LinkedHashMap<String, Object>();
        identity.put("surveyId", surveyId);
        identity.put("score", request.score());
        identity.put("comment", comment);
        // A late answer is refused with 409 but kept, so the work answers it rather than throwing (which rolls back).
        return idempotency.once("survey-response", idempotencyKey, identity, Object.class, () -> {
            var outcome = responses.answer(surveyId, request.score(), comment, idempotencyKey);
            if (outcome instanceof SurveyResponses.Late late) {
                var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "surveyId: survey "
                        + late.surveyId() + " expired at " + late.expiredAt()
                        + "; the answer is kept for reporting but not taken");
                problem.setTitle("Conflict");
                return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
            var a = (SurveyResponses.Accepted) outcome;
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new ResponseReceipt(a.surveyId(), a.caseId(), a.score(), a.answeredAt().toString()));
        });
    }
}
