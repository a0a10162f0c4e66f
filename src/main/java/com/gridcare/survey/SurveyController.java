package com.gridcare.survey;

import static com.gridcare.kernel.Groups.CHANNEL_SYSTEMS;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.api.Idempotency;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Satisfaction surveys: the customer's answer as a channel system or an agent passes it on, and where a survey stands. */
@RestController
class SurveyController {

    static final String SURVEY_ID = "^SVY-\\d{4}-\\d{6}$";
    static final String SURVEY_ID_MESSAGE = "must be a survey number like SVY-2026-000123";
    static final int MAX_COMMENT = 2000;
    static final String REPLY_CODE = "^[A-Z0-9]{8}$";

    /** {@code POST /surveys/{surveyId}/responses}: score 1 to 5, an optional comment. */
    record ResponseRequest(Integer score, String comment) {}

    /** The stored answer. */
    record ResponseReceipt(String surveyId, String caseId, int score, String answeredAt) {}

    /** Where a survey stands, for the channel that took a reply code and for staff. */
    record SurveyView(String surveyId, String caseId, SurveyStatus status, OffsetDateTime invitedAt,
            OffsetDateTime expiresAt, OffsetDateTime answeredAt, Integer score) {

        static SurveyView of(Survey s) {
            return new SurveyView(s.id(), s.caseId(), s.status(), s.invitedAt(), s.expiresAt(), s.answeredAt(),
                    s.score());
        }
    }

    private final SurveyResponses responses;
    private final SurveyRepository surveys;
    private final Idempotency idempotency;

    SurveyController(SurveyResponses responses, SurveyRepository surveys, Idempotency idempotency) {
        this.responses = responses;
        this.surveys = surveys;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/v1/surveys/{surveyId}")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, SURVEY_TEAM, SUPERVISORS, SERVICE_MANAGERS})
    SurveyView survey(@PathVariable @Pattern(regexp = SURVEY_ID, message = SURVEY_ID_MESSAGE) String surveyId) {
        return surveys.find(surveyId).map(SurveyView::of)
                .orElseThrow(() -> new NotFoundException("surveyId: no survey " + surveyId));
    }

    /** {@code GET /surveys?replyCode=…}: the survey a customer's reply code belongs to. */
    @GetMapping("/api/v1/surveys")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, SURVEY_TEAM})
    SurveyView byReplyCode(@RequestParam(required = false) String replyCode) {
        if (replyCode == null || !replyCode.strip().toUpperCase(Locale.ROOT).matches(REPLY_CODE)) {
            throw new InvalidFieldException("replyCode", "must be the 8-letter code of a survey invitation");
        }
        return surveys.findByReplyCode(replyCode.strip().toUpperCase(Locale.ROOT)).map(SurveyView::of)
                .orElseThrow(() -> new NotFoundException("replyCode: no survey with this code"));
    }

    @PostMapping("/api/v1/surveys/{surveyId}/responses")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, SURVEY_TEAM})
    ResponseEntity<Object> answer(
            @PathVariable @Pattern(regexp = SURVEY_ID, message = SURVEY_ID_MESSAGE) String surveyId,
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody(required = false) ResponseRequest request, HttpServletRequest http) {
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
            var outcome = responses.answer(surveyId, request.score(), comment, idempotencyKey, ApiUser.of(http).id());
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
