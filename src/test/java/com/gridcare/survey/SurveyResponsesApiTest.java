package com.gridcare.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** {@code POST /api/v1/surveys/{surveyId}/responses}: every field checked, 4xx naming it, nothing half-written. */
@GridCareTest
class SurveyResponsesApiTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @LocalServerPort
    int port;

    SurveyFixture fixture;

    @BeforeEach
    void setUp() {
        testData.users();
        fixture = new SurveyFixture(context, port);
    }

    @Test
    void invalidAnswersAreRefusedNamingTheFieldAndChangeNothing() {
        var survey = fixture.sent(testData.residential());

        assertRefused(fixture.answer(survey, "{\"score\": 0}"), 400, "score");
        assertRefused(fixture.answer(survey, "{\"score\": 6}"), 400, "score");
        assertRefused(fixture.answer(survey, "{\"comment\": \"no score\"}"), 400, "score");
        assertRefused(fixture.answer(survey, "{\"score\": \"five\"}"), 400, "score");
        assertRefused(fixture.answer(survey, "{\"score\": 3, \"comment\": \"" + "x".repeat(2001) + "\"}"), 400, "comment");
        assertRefused(fixture.answer(survey, "{\"score\": 3, \"mood\": \"fine\"}"), 400, "mood");
        assertRefused(fixture.answer(survey, ""), 400, "score");

        assertThat(fixture.reload(survey).status()).isEqualTo(SurveyStatus.INVITED);
        assertThat(fixture.answer(survey, "{\"score\": 3, \"comment\": \"" + "x".repeat(2000) + "\"}").status())
                .as("2,000 characters are allowed").isEqualTo(201);
    }

    @Test
    void unknownMalformedUnsentSurveysAndOutsidersAreRefused() {
        var channel = Api.at(port).as("channel-systems");
        assertRefused(channel.post("/api/v1/surveys/SVY-2026-999999/responses", "{\"score\": 3}"), 404, "surveyId");
        assertRefused(channel.post("/api/v1/surveys/CMP-2026-000001/responses", "{\"score\": 3}"), 400, "surveyId");

        var notYetSent = fixture.closedCase(testData.residential(), com.gridcare.cases.CaseOutcome.RESOLVED);
        assertRefused(fixture.answer(notYetSent, "{\"score\": 3}"), 409, "surveyId");

        var survey = fixture.sent(testData.residential());
        assertThat(Api.at(port).as("billing").post("/api/v1/surveys/" + survey.id() + "/responses", "{\"score\": 3}")
                .status()).isEqualTo(403);
        assertThat(Api.at(port).post("/api/v1/surveys/" + survey.id() + "/responses", "{\"score\": 3}").status())
                .isEqualTo(401);
    }

    @Test
    void aChannelFindsTheSurveyByTheReplyCodeTheCustomerSent() {
        var survey = fixture.sent(testData.residential());
        var channel = Api.at(port).as("channel-systems");

        var found = channel.get("/api/v1/surveys?replyCode=" + survey.replyCode().toLowerCase());

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("surveyId").asText()).isEqualTo(survey.id());
        assertThat(found.json().path("status").asText()).isEqualTo("INVITED");
        assertThat(found.json().path("expiresAt").asText()).isNotEmpty();
        assertThat(channel.get("/api/v1/surveys/" + survey.id()).json().path("caseId").asText())
                .isEqualTo(survey.caseId());
        assertRefused(channel.get("/api/v1/surveys?replyCode=0"), 400, "replyCode");
        assertRefused(channel.get("/api/v1/surveys?replyCode=ZZZZZZZ2"), 404, "replyCode");
        assertRefused(channel.get("/api/v1/surveys/SVY-2026-999999"), 404, "surveyId");
    }

    private static void assertRefused(Api.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(field);
        assertThat(answer.body()).doesNotContain("Exception");
    }
}
