package com.gridcare.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.cases.Channel;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * What operators scrape: {@code /actuator/prometheus} read as an operator, each metric moving after a
 * complaint is received, its first-contact clock breaches and it is escalated to supervisors; and every
 * metric the alert rules ({@code ops/prometheus}) and the Grafana dashboard ({@code ops/grafana}) use exists.
 */
@GridCareTest
class ServiceMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_:][a-z0-9_:]*)(\\{([^}]*)\\})? (\\S+)$");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    ManagementService management;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void users() {
        testData.users();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String scrape() {
        var answer = Api.at(port).as(Groups.OPERATORS).get("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The sum of a metric's samples whose labels include all of {@code labels} ("name=\"value\""). */
    private static double value(String scrape, String metric, String... labels) {
        double sum = 0;
        for (var line : scrape.split("\n")) {
            var m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(metric)) continue;
            var have = m.group(3) == null ? "" : m.group(3);
            boolean all = true;
            for (var label : labels) all &= have.contains(label);
            if (all) sum += Double.parseDouble(m.group(4));
        }
        return sum;
    }

    /** Scrapes until the metric satisfies the condition (gauges read the database every 2 s in tests). */
    private double eventually(String metric, DoublePredicate condition, String... labels) throws InterruptedException {
        double v = Double.NaN;
        for (int i = 0; i < 60; i++) {
            v = value(scrape(), metric, labels);
            if (condition.test(v)) return v;
            Thread.sleep(500);
        }
        throw new AssertionError(metric + " " + String.join(",", labels) + " stayed at " + v);
    }

    /** Jobs due now by the engine's clock, not acquired: what the gauge counts, counted here. */
    private long dueJobs() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND LOCK_OWNER_ IS NULL AND SUSPENSION_STATE_ = 1
                   AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)""")
                .param(new java.sql.Timestamp(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()))
                .query(Long.class).single();
    }

    private long openComplaints() {
        return jdbc.sql("SELECT COUNT(*) FROM service_case WHERE kind = 'COMPLAINT' AND status = 'OPEN'")
                .query(Long.class).single();
    }

    @Test
    void eachMetricMovesAfterAnIntakeABreachAndAnEscalation() throws InterruptedException {
        var before = scrape();
        double intakes = value(before, "gridcare_intakes_total", "kind=\"COMPLAINT\"", "channel=\"HOTLINE\"");
        double breaches = value(before, "gridcare_sla_breaches_total", "clock=\"COMPLAINT_FIRST_CONTACT\"");
        double escalations = value(before, "gridcare_escalations_total", "level=\"2\"", "kind=\"FIRST_CONTACT_BREACH\"");
        // a baseline the gauge has caught up with: an earlier test may have opened or closed a case since its last read
        double open = eventually("gridcare_cases_open", v -> v == openComplaints(), "kind=\"COMPLAINT\"");

        var receipt = transactions.execute(tx -> intake.register(new ComplaintRequest(testData.residential(),
                Channel.HOTLINE, ComplaintCategory.BILLING, "The bill is twice the usual amount.", null, null)));
        var pi = receipt.processInstanceId();

        var afterIntake = scrape();
        assertThat(value(afterIntake, "gridcare_intakes_total", "kind=\"COMPLAINT\"", "channel=\"HOTLINE\""))
                .isEqualTo(intakes + 1);
        eventually("gridcare_cases_open", v -> v == open + 1, "kind=\"COMPLAINT\"");
        AsyncSteps.run(management, pi);
        // a baseline the gauge has caught up with: the steps just run took their own jobs away since its last read
        double due = eventually("gridcare_jobs_due", v -> v == dueJobs());

        // a minute past the first-contact due date, with no job executor (off in tests): the warning and the
        // breach timers are due and not acquired, the warning's for longer
        var overdue = management.createJobQuery().processInstanceId(pi).activityId("BoundaryEvent_FirstContactOverdue")
                .timers().singleResult();
        assertThat(overdue).isNotNull();
        ClockUtil.setCurrentTime(new Date(overdue.getDuedate().getTime() + 60_000));
        eventually("gridcare_jobs_due", v -> v >= due + 2);
        eventually("gridcare_jobs_oldest_due_age_seconds", v -> v >= 60);
        management.executeJob(overdue.getId());
        AsyncSteps.run(management, pi);

        var afterBreach = scrape();
        assertThat(value(afterBreach, "gridcare_sla_breaches_total", "clock=\"COMPLAINT_FIRST_CONTACT\"")).isEqualTo(breaches + 1);
        assertThat(value(afterBreach, "gridcare_escalations_total", "level=\"2\"", "kind=\"FIRST_CONTACT_BREACH\""))
                .isEqualTo(escalations + 1);
        assertThat(afterBreach).contains("gridcare_jobs_oldest_due_age_seconds", "gridcare_incidents_open",
                "gridcare_notifications_pending", "gridcare_notifications_failed");
    }

    @Test
    void everyMetricTheAlertRulesAndTheDashboardUseExists() throws Exception {
        // counters show once counted: a failed login, an intake, a breach and an escalation
        assertThat(Api.at(port).as(TestData.user(Groups.OPERATORS), "wrong").get("/actuator/prometheus").status())
                .isEqualTo(401);
        eachMetricMovesAfterAnIntakeABreachAndAnEscalation();
        var exposed = new TreeSet<String>();
        for (var line : scrape().split("\n")) {
            var m = SAMPLE.matcher(line);
            if (m.matches()) exposed.add(m.group(1));
        }
        var used = new TreeSet<String>();
        var name = Pattern.compile("\\bgridcare_[a-z0-9_]+");
        var ruleFiles = files(Path.of("ops/prometheus"), ".yml");
        assertThat(ruleFiles).isNotEmpty();
        var alerts = new ArrayList<String>();
        for (var file : ruleFiles) {
            Map<String, Object> rules = new Yaml().load(Files.readString(file));
            for (var group : (List<Map<String, Object>>) rules.get("groups")) {
                for (var rule : (List<Map<String, Object>>) group.get("rules")) {
                    alerts.add((String) rule.get("alert"));
                    var m = name.matcher(String.valueOf(rule.get("expr")));
                    while (m.find()) used.add(m.group());
                }
            }
        }
        assertThat(alerts).contains("GridCareSlaBreaches", "GridCareJobBacklog", "GridCareIncidents",
                "GridCareLoginFailures");
        var dashboards = files(Path.of("ops/grafana"), ".json");
        assertThat(dashboards).isNotEmpty();
        int panels = 0;
        for (var file : dashboards) {
            var json = new ObjectMapper().readTree(file.toFile());
            for (var panel : json.path("panels")) {
                panels++;
                for (var target : panel.path("targets")) {
                    var m = name.matcher(target.path("expr").asText());
                    while (m.find()) used.add(m.group());
                }
            }
        }
        assertThat(panels).isGreaterThanOrEqualTo(8);
        assertThat(used).contains("gridcare_cases_open", "gridcare_sla_breaches_total", "gridcare_escalations_total",
                "gridcare_intakes_total", "gridcare_jobs_due", "gridcare_jobs_oldest_due_age_seconds",
                "gridcare_incidents_open", "gridcare_notifications_pending", "gridcare_notifications_failed",
                "gridcare_login_failures_total");
        assertThat(exposed).as("metrics the alert rules and dashboards read").containsAll(used);
    }

    private static List<Path> files(Path dir, String suffix) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
