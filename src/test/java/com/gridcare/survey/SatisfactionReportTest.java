package com.gridcare.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The satisfaction report against a hand-counted fixture in January and February 2019 (a period no
 * other test writes to), including the month boundary in Beijing time and a late answer.
 */
@GridCareTest
class SatisfactionReportTest {

    private static final AtomicInteger NUMBER = new AtomicInteger(900000);

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @BeforeEach
    void fixture() {
        testData.users();
        jdbc.sql("DELETE FROM survey_late_answer WHERE survey_id LIKE 'SVY-2019-%'").update();
        jdbc.sql("DELETE FROM survey WHERE id LIKE 'SVY-2019-%'").update();
        var customer = testData.residential();
        answered(customer, "2019-01-05T10:00+08:00", "HOTLINE", "METER", "metering", 5);
        answered(customer, "2019-01-20T09:00+08:00", "HOTLINE", "BILLING", "billing", 2);
        answered(customer, "2019-01-31T23:30+08:00", "APP", "METER", "metering", 1);
        answered(customer, "2019-02-01T00:30+08:00", "APP", "BILLING", "billing", 4);
        answered(customer, "2019-02-14T15:00+08:00", "WEB", "SUPPLY_INTERRUPTION", "field-service", 3);
        answered(customer, "2018-12-31T23:00+08:00", "HOTLINE", "METER", "metering", 1);
        answered(customer, "2019-03-01T00:10+08:00", "HOTLINE", "METER", "metering", 1);
        var expired = survey(customer, "HOTLINE", "METER", "metering", "EXPIRED", null, null);
        jdbc.sql("INSERT INTO survey_late_answer (survey_id, score, received_at) VALUES (?, 1, ?)")
                .params(expired, OffsetDateTime.parse("2019-02-10T12:00+08:00")).update();
        survey(customer, "HOTLINE", "METER", "metering", "INVITED", null, null);
    }

    private void answered(String customer, String at, String channel, String category, String group, int score) {
        survey(customer, channel, category, group, "ANSWERED", OffsetDateTime.parse(at), score);
    }

    private String survey(String customer, String channel, String category, String group, String status,
            OffsetDateTime answeredAt, Integer score) {
        var caseId = new TestCases(context).caseWithoutProcess(customer);
        var id = "SVY-2019-" + NUMBER.incrementAndGet();
        var created = OffsetDateTime.parse("2019-01-01T00:00+08:00");
        jdbc.sql("""
                INSERT INTO survey (id, case_id, customer_id, channel, category, owning_group, reply_code, status,
                                    answered_at, score, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, customer, channel, category, group, "R" + id.substring(9), status, answeredAt,
                        score, created, created)
                .update();
        return id;
    }

    @Test
    void theFiguresMatchTheHandCount() {
        var answer = Api.at(port).as("service-managers").get("/api/v1/reports/satisfaction?from=2019-01-01&to=2019-02-28");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var report = answer.json();

        assertLine(report.path("total"), "all", 5, "3.00", "0.4000", 1);
        assertThat(report.path("byMonth")).hasSize(2);
        assertLine(report.path("byMonth").get(0), "2019-01", 3, "2.67", "0.6667", 0);
        assertLine(report.path("byMonth").get(1), "2019-02", 2, "3.50", "0.0000", 1);
        assertThat(report.path("byChannel")).hasSize(3);
        assertLine(report.path("byChannel").get(0), "APP", 2, "2.50", "0.5000", 0);
        assertLine(report.path("byChannel").get(1), "HOTLINE", 2, "3.50", "0.5000", 1);
        assertLine(report.path("byChannel").get(2), "WEB", 1, "3.00", "0.0000", 0);
        assertThat(report.path("byCategory")).hasSize(3);
        assertLine(report.path("byCategory").get(0), "BILLING", 2, "3.00", "0.5000", 0);
        assertLine(report.path("byCategory").get(1), "METER", 2, "3.00", "0.5000", 1);
        assertLine(report.path("byCategory").get(2), "SUPPLY_INTERRUPTION", 1, "3.00", "0.0000", 0);
        assertThat(report.path("byGroup")).hasSize(3);
        assertLine(report.path("byGroup").get(0), "billing", 2, "3.00", "0.5000", 0);
        assertLine(report.path("byGroup").get(1), "field-service", 1, "3.00", "0.0000", 0);
        assertLine(report.path("byGroup").get(2), "metering", 2, "3.00", "0.5000", 1);
    }

    @Test
    void theSameFiguresAsCsv() {
        var answer = Api.at(port).as("service-managers")
                .get("/api/v1/reports/satisfaction?from=2019-01-01&to=2019-02-28&format=csv");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/csv");
        assertThat(answer.body().lines().toList()).containsExactly(
                "dimension,key,responses,averageScore,lowScoreShare,lateAnswers",
                "total,all,5,3.00,0.4000,1",
                "month,2019-01,3,2.67,0.6667,0",
                "month,2019-02,2,3.50,0.0000,1",
                "channel,APP,2,2.50,0.5000,0",
                "channel,HOTLINE,2,3.50,0.5000,1",
                "channel,WEB,1,3.00,0.0000,0",
                "category,BILLING,2,3.00,0.5000,0",
                "category,METER,2,3.00,0.5000,1",
                "category,SUPPLY_INTERRUPTION,1,3.00,0.0000,0",
                "group,billing,2,3.00,0.5000,0",
                "group,field-service,1,3.00,0.0000,0",
                "group,metering,2,3.00,0.5000,1");
    }

    @Test
    void theParametersAreChecked() {
        var manager = Api.at(port).as("service-managers");
        assertThat(manager.get("/api/v1/reports/satisfaction?to=2019-02-28").body()).contains("from");
        assertThat(manager.get("/api/v1/reports/satisfaction?from=2019-02-30&to=2019-03-01").body()).contains("from");
        assertThat(manager.get("/api/v1/reports/satisfaction?from=2019-03-01&to=2019-02-01").status()).isEqualTo(400);
        assertThat(manager.get("/api/v1/reports/satisfaction?from=2019-01-01&to=2019-01-31&format=pdf").body())
                .contains("format");
        assertThat(Api.at(port).as("billing").get("/api/v1/reports/satisfaction?from=2019-01-01&to=2019-01-31")
                .status()).isEqualTo(403);
    }

    private static void assertLine(JsonNode line, String key, int responses, String average, String lowShare, int late) {
        assertThat(line.path("key").asText()).isEqualTo(key);
        assertThat(line.path("responses").asInt()).as("%s responses", key).isEqualTo(responses);
        assertThat(line.path("averageScore").decimalValue()).as("%s average", key).isEqualByComparingTo(average);
        assertThat(line.path("lowScoreShare").decimalValue()).as("%s share of 1 and 2", key).isEqualByComparingTo(lowShare);
        assertThat(line.path("lateAnswers").asInt()).as("%s late answers", key).isEqualTo(late);
    }
}
