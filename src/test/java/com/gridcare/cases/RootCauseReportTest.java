package com.gridcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code GET /api/v1/reports/root-causes} against complaints worked through the real process in June and
 * July 2026 (no other test closes complaints then), counted by hand: by month closed, category and the
 * root cause of the final resolution; withdrawn and open complaints left out; a reopened complaint's
 * first goodwill counts; refused goodwill does not.
 */
@GridCareTest
class RootCauseReportTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    CaseWithdrawal withdrawal;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void users() {
        testData.users();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
    }

    private record Complaint(String caseId, String pi) {}

    private Complaint register(ComplaintCategory category) {
        var receipt = transactions.execute(tx -> intake.register(new ComplaintRequest(testData.residential(),
                Channel.HOTLINE, category, "Something went wrong.", null, null)));
        AsyncSteps.run(management, receipt.processInstanceId());
        var complaint = new Complaint(receipt.caseId(), receipt.processInstanceId());
        complete(complaint, "Task_ContactCustomer", Map.of("contactOutcome", "REACHED", "contactNote", "Called."));
        return complaint;
    }

    private void complete(Complaint c, String key, Map<String, Object> variables) {
        var task = tasks.createTaskQuery().processInstanceId(c.pi()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s of %s", key, c.caseId()).isNotNull();
        tasks.complete(task.getId(), variables);
        AsyncSteps.run(management, c.pi());
    }

    private void resolve(Complaint c, String rootCause, String justified, int goodwill) {
        var variables = new HashMap<String, Object>(Map.of("askCustomer", false, "rootCause", rootCause,
                "findings", "What the investigation found.", "justified", justified,
                "resolution", "What was done for the customer."));
        if (goodwill > 0) {
            variables.put("compensationAmount", goodwill);
            variables.put("compensationReason", "Goodwill");
        }
        complete(c, "Task_ResolveComplaint", variables);
    }

    private void confirm(Complaint c, String answer) {
        complete(c, "Task_ConfirmResult", Map.of("customerConfirmation", answer, "customerFeedback", "Said so."));
    }

    @Test
    void theReportCountsClosedComplaintsByMonthCategoryAndFinalRootCauseAsCountedByHand() {
        at("2026-06-10T10:00");
        // BILLING / METER_READING in June: justified with 200 within the limit, and not justified
        var c1 = register(ComplaintCategory.BILLING);
        resolve(c1, "METER_READING", "JUSTIFIED", 200);
        confirm(c1, "RESOLVED");
        var c2 = register(ComplaintCategory.BILLING);
        resolve(c2, "METER_READING", "NOT_JUSTIFIED", 0);
        confirm(c2, "RESOLVED");
        // BILLING / TARIFF_OR_BILLING: partly justified, 800 above the limit approved by a supervisor
        var c3 = register(ComplaintCategory.BILLING);
        resolve(c3, "TARIFF_OR_BILLING", "PARTLY_JUSTIFIED", 800);
        complete(c3, "Task_ApproveCompensation", Map.of("compensationDecision", "APPROVED", "approvalNote", "ok"));
        confirm(c3, "RESOLVED");
        // METER: first NETWORK_FAULT with 100 granted, reopened, finally METER_READING without goodwill
        var c4 = register(ComplaintCategory.METER);
        resolve(c4, "NETWORK_FAULT", "JUSTIFIED", 100);
        confirm(c4, "NOT_RESOLVED");
        resolve(c4, "METER_READING", "JUSTIFIED", 0);
        confirm(c4, "RESOLVED");
        // SERVICE_CONDUCT: 600 above the limit, refused
        var c5 = register(ComplaintCategory.SERVICE_CONDUCT);
        resolve(c5, "STAFF_CONDUCT", "NOT_JUSTIFIED", 600);
        complete(c5, "Task_ApproveCompensation", Map.of("compensationDecision", "REFUSED", "approvalNote", "no"));
        confirm(c5, "RESOLVED");
        // withdrawn, and still open: not in the report
        var c6 = register(ComplaintCategory.BILLING);
        resolve(c6, "METER_READING", "JUSTIFIED", 0);
        transactions.executeWithoutResult(tx -> withdrawal.request(c6.caseId(), "Sorted out", "channel"));
        var c7 = register(ComplaintCategory.BILLING);
        resolve(c7, "METER_READING", "JUSTIFIED", 0);
        // July: BILLING / METER_READING, justified
        var c8 = register(ComplaintCategory.BILLING);
        resolve(c8, "METER_READING", "JUSTIFIED", 0);
        at("2026-07-02T10:00");
        confirm(c8, "RESOLVED");

        var api = Api.at(port).as(Groups.SERVICE_MANAGERS);
        var answer = api.get("/api/v1/reports/root-causes?from=2026-06-01&to=2026-07-31");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var json = answer.json();
        assertThat(json.path("complaints").asInt()).isEqualTo(6);
        assertThat(json.path("goodwillTotal").decimalValue()).isEqualByComparingTo("1100");
        var lines = new ArrayList<String>();
        json.path("lines").forEach(l -> lines.add(String.join("|", l.path("month").asText(), l.path("category").asText(),
                l.path("rootCause").asText(), l.path("complaints").asText(), l.path("justified").asText(),
                l.path("partlyJustified").asText(), l.path("notJustified").asText(),
                l.path("justifiedShare").decimalValue().setScale(3).toPlainString(),
                l.path("goodwillTotal").decimalValue().setScale(2).toPlainString())));
        assertThat(lines).containsExactly(
                "2026-06|BILLING|METER_READING|2|1|0|1|0.500|200.00",
                "2026-06|BILLING|TARIFF_OR_BILLING|1|0|1|0|1.000|800.00",
                "2026-06|METER|METER_READING|1|1|0|0|1.000|100.00",
                "2026-06|SERVICE_CONDUCT|STAFF_CONDUCT|1|0|0|1|0.000|0.00",
                "2026-07|BILLING|METER_READING|1|1|0|0|1.000|0.00");

        var csv = api.get("/api/v1/reports/root-causes?from=2026-06-01&to=2026-07-31&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).containsExactly(
                "month,category,rootCause,complaints,justified,partlyJustified,notJustified,justifiedShare,goodwillTotalCny",
                "2026-06,BILLING,METER_READING,2,1,0,1,0.500,200.00",
                "2026-06,BILLING,TARIFF_OR_BILLING,1,0,1,0,1.000,800.00",
                "2026-06,METER,METER_READING,1,1,0,0,1.000,100.00",
                "2026-06,SERVICE_CONDUCT,STAFF_CONDUCT,1,0,0,1,0.000,0.00",
                "2026-07,BILLING,METER_READING,1,1,0,0,1.000,0.00");

        // June alone leaves July out
        assertThat(api.get("/api/v1/reports/root-causes?from=2026-06-01&to=2026-06-30").json().path("complaints")
                .asInt()).isEqualTo(5);
    }

    @Test
    void theReportNamesEachWrongParameterAndIsForSupervisorsAndServiceManagersOnly() {
        var api = Api.at(port).as(Groups.SUPERVISORS);
        assertThat(api.get("/api/v1/reports/root-causes?to=2026-06-30").body()).contains("from");
        assertThat(api.get("/api/v1/reports/root-causes?from=2026-06-31&to=2026-07-01").status()).isEqualTo(400);
        var reversed = api.get("/api/v1/reports/root-causes?from=2026-07-01&to=2026-06-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/reports/root-causes?from=2026-06-01&to=2026-06-30&format=xml").body())
                .contains("format");
        assertThat(Api.at(port).as(Groups.BILLING).get("/api/v1/reports/root-causes?from=2026-06-01&to=2026-06-30")
                .status()).isEqualTo(403);
        assertThat(Api.at(port).as(Groups.CHANNEL_SYSTEMS).get("/api/v1/reports/root-causes?from=2026-06-01&to=2026-06-30")
                .status()).isEqualTo(403);
    }
}
