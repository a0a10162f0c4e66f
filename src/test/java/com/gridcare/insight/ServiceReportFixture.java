package com.gridcare.insight;

import com.gridcare.kernel.EngineClock;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A few hundred cases from December 2012 to April 2013 (a time no other test uses), written straight into
 * the case tables, the record, the clocks and the surveys: every group, both kinds, several categories
 * and channels; closed, withdrawn and still open; complaints resolved at the first contact, after a second
 * attempt, reopened, with goodwill approved or refused; clocks met, breached and running; escalations;
 * survey answers of every score. Written once per database (the ids are fixed).
 */
public final class ServiceReportFixture {

    static final int CASES = 360;
    static final String[] GROUPS = {"customer-service", "billing", "metering", "field-service", "key-accounts"};
    static final String[] CATEGORIES = {"BILLING", "METER", "SUPPLY_INTERRUPTION", "SERVICE_CONDUCT"};
    static final String[] CHANNELS = {"HOTLINE", "WEB", "APP", "WECHAT"};
    static final String[] ROOT_CAUSES = {"METER_READING", "TARIFF_OR_BILLING", "NETWORK_FAULT", "STAFF_CONDUCT"};
    static final String[] JUSTIFIED = {"JUSTIFIED", "PARTLY_JUSTIFIED", "NOT_JUSTIFIED"};
    static final String[] CLOCKS = {"COMPLAINT_FIRST_CONTACT", "COMPLAINT_RESOLUTION"};
    static final String[] ESCALATIONS = {"FIRST_CONTACT_BREACH", "RESOLUTION_BREACH", "REGULATORY_RISK"};

    public static void seed(JdbcClient jdbc, String customerId) {
        seedCases(jdbc, customerId);
        seedCustomers(jdbc);
    }

    /** What each report test starts from: the users and the fixture; a service manager to ask for reports. */
    static Api seedForManager(JdbcClient jdbc, TestData testData, int port) {
        testData.users();
        seed(jdbc, testData.residential());
        return Api.at(port).as(Groups.SERVICE_MANAGERS);
    }

    static final int CUSTOMERS = 60;
    static final String[] TIERS = {"RESIDENTIAL", "BUSINESS", "KEY", "STRATEGIC"};
    static final String[] OFFERS = {"LOYALTY_5Y", "LOYALTY_10Y", "GREEN_PLAN", "ON_TIME_PAYER"};

    /**
     * The tier and offer part: the fixture's cases get a customer tier; 60 customers (RPT18-nn, customers since
     * 2012-06) with a tier history of several moves from December 2012 to April 2013, some rated only then, bills
     * for every month, standing offers granted and ended across the months (some with a percent discount) and
     * points credits. Written once per database.
     */
    static void seedCustomers(JdbcClient jdbc) {
        if (jdbc.sql("SELECT COUNT(*) FROM customer WHERE id LIKE 'RPT18-%'").query(Integer.class).single() > 0) {
            return;
        }
        var random = new Random(1818);
        for (var id : jdbc.sql("SELECT id FROM service_case WHERE id LIKE '___-201_-9%' ORDER BY id").query(String.class).list()) {
            jdbc.sql("UPDATE service_case SET tier = ? WHERE id = ?").params(TIERS[random.nextInt(TIERS.length)], id).update();
        }
        var first = LocalDateTime.of(2012, 12, 1, 0, 0);
        for (int i = 0; i < CUSTOMERS; i++) {
            var id = "RPT18-%02d".formatted(i);
            var since = at(LocalDateTime.of(2012, 6, 1, 9, 0));
            // the history: a first rating (before or inside the fixture's months), then 0–3 moves
            var t = random.nextInt(3) == 0 ? at(first.plusMinutes(random.nextInt(40 * 24 * 60)))
                    : at(LocalDateTime.of(2012, 8, 1, 10, 0));
            String tier = TIERS[random.nextInt(TIERS.length)];
            var changes = new java.util.ArrayList<Object[]>();
            changes.add(new Object[] {null, tier, t});
            int moves = random.nextInt(4);
            for (int m = 0; m < moves; m++) {
                t = t.plusMinutes(1 + random.nextInt(40 * 24 * 60));
                var next = TIERS[random.nextInt(TIERS.length)];
                if (next.equals(tier)) continue;
                changes.add(new Object[] {tier, next, t});
                tier = next;
            }
            jdbc.sql("""
                    INSERT INTO customer (id, name, customer_class, supply_voltage_kv, contracted_capacity_kva,
                           contract_start, critical_load, priority_care, green_preference, area, preferred_channel, tier,
                           evaluated_at, created_at, updated_at)
                    VALUES (?, ?, 'RESIDENTIAL', 0.22, 8, DATE '2010-01-01', FALSE, FALSE, FALSE, 'URBAN', 'SMS', ?, ?, ?, ?)""")
                    .params(id, "Report customer " + i, tier, t, since, t).update();
            for (var c : changes) {
                jdbc.sql("INSERT INTO customer_tier_change (customer_id, from_tier, to_tier, changed_at) VALUES (?, ?, ?, ?)")
                        .params(id, c[0], c[1], c[2]).update();
            }
            for (int m = 0; m < 6; m++) {
                jdbc.sql("""
                        INSERT INTO customer_consumption (customer_id, billing_month, kwh, billed_amount, paid_on_time)
                        VALUES (?, ?, ?, ?, TRUE)""")
                        .params(id, java.time.LocalDate.of(2012, 11, 1).plusMonths(m), BigDecimal.valueOf(200 + random.nextInt(400)),
                                BigDecimal.valueOf(100 + random.nextInt(900)).add(BigDecimal.valueOf(random.nextInt(100), 2)))
                        .update();
            }
            int grants = random.nextInt(3);
            for (int g = 0; g < grants; g++) {
                var granted = at(first.plusMinutes(random.nextInt(150 * 24 * 60)).minusDays(30));
                var ended = random.nextBoolean() ? granted.plusDays(5 + random.nextInt(60)) : null;
                var percent = random.nextBoolean() ? BigDecimal.valueOf(1 + random.nextInt(5)) : BigDecimal.ZERO;
                jdbc.sql("""
                        INSERT INTO offer_grant (customer_id, offer_code, tier, percent, points, decision_id, granted_at, ended_at)
                        VALUES (?, ?, ?, ?, ?, NULL, ?, ?)""")
                        .params(id, OFFERS[random.nextInt(OFFERS.length)], TIERS[random.nextInt(TIERS.length)], percent,
                                percent.signum() == 0 ? 200 : 0, granted, ended)
                        .update();
            }
            int credits = random.nextInt(3);
            for (int k = 0; k < credits; k++) {
                jdbc.sql("""
                        INSERT INTO points_ledger (customer_id, offer_code, points, entry_key, reason, recorded_at)
                        VALUES (?, ?, ?, ?, 'fixture', ?)""")
                        .params(id, random.nextBoolean() ? "SURVEY_THANKS" : "GREEN_PLAN", 50 + random.nextInt(4) * 50,
                                "RPT18:" + id + ":" + k, at(first.plusMinutes(random.nextInt(150 * 24 * 60))))
                        .update();
            }
        }
    }

    static void seedCases(JdbcClient jdbc, String customerId) {
        if (jdbc.sql("SELECT COUNT(*) FROM service_case WHERE id LIKE '___-201_-9%'").query(Integer.class).single() > 0) {
            return;
        }
        var random = new Random(18);
        var first = LocalDateTime.of(2012, 12, 1, 0, 0);
        for (int i = 0; i < CASES; i++) {
            var received = at(first.plusMinutes(random.nextInt(150 * 24 * 60)));
            var complaint = random.nextInt(3) > 0;
            // numbered as GridCare numbers cases, from 900000 on: no other test has cases of 2012 or 2013
            var id = (complaint ? "CMP" : "SRQ") + "-%d-9%05d".formatted(received.getYear(), i);
            var group = GROUPS[random.nextInt(GROUPS.length)];
            var category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            var channel = CHANNELS[random.nextInt(CHANNELS.length)];
            int fate = random.nextInt(10);
            var status = fate < 7 ? "CLOSED" : fate < 8 ? "WITHDRAWN" : "OPEN";
            var closed = status.equals("OPEN") ? null : received.plusMinutes(30 + random.nextInt(25 * 24 * 60));
            jdbc.sql("""
                    INSERT INTO service_case (id, kind, customer_id, channel, category, received_at, status, stage,
                           assigned_group, closed_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, complaint ? "COMPLAINT" : "SERVICE_REQUEST", customerId, channel, category, received,
                            status, status.equals("OPEN") ? "INVESTIGATION" : "CLOSED", group, closed,
                            closed == null ? received : closed)
                    .update();
            var t = received;
            int contacts = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            for (int c = 0; c < contacts; c++) {
                t = t.plusHours(2);
                step(jdbc, id, customerId, "CONTACT", c == contacts - 1 ? "REACHED" : "NOT_REACHED", null, null, null, t);
            }
            if (complaint && closed != null) {
                int rounds = random.nextInt(5) == 0 ? 2 : 1;
                for (int r = 0; r < rounds; r++) {
                    t = t.plusHours(3);
                    step(jdbc, id, customerId, "RESOLUTION", "RESOLVED", ROOT_CAUSES[random.nextInt(ROOT_CAUSES.length)],
                            JUSTIFIED[random.nextInt(JUSTIFIED.length)], null, t);
                    if (random.nextInt(3) == 0) {
                        step(jdbc, id, customerId, "GOODWILL_DECISION", random.nextBoolean() ? "APPROVED" : "REFUSED",
                                null, null, BigDecimal.valueOf(50 + random.nextInt(20) * 25), t.plusMinutes(5));
                    }
                    if (r + 1 < rounds) step(jdbc, id, customerId, "REOPENED", "REOPENED", null, null, null, t.plusHours(1));
                }
                if (random.nextInt(8) == 0) {
                    // imported history: a complaint closed without a recorded resolution
                    jdbc.sql("DELETE FROM case_step WHERE case_id = ? AND kind = 'RESOLUTION'").param(id).update();
                }
            }
            for (int k = 0; k < CLOCKS.length; k++) {
                var due = received.plusHours(k == 0 ? 24 : 24 * 7);
                int s = random.nextInt(3);
                var state = s == 0 ? "BREACHED" : s == 1 ? "MET" : "RUNNING";
                var changed = state.equals("BREACHED") ? due : state.equals("MET") ? received.plusHours(1 + random.nextInt(20)) : received;
                jdbc.sql("""
                        INSERT INTO case_clock (id, case_id, clock_name, calendar_id, target_amount, target_unit,
                               target_millis, pausable, started_at, due_at, paused_millis, state, state_changed_at,
                               catalogue_row, source)
                        VALUES (?, ?, ?, 'china-workdays', 1, 'WORKING_DAYS', 28800000, FALSE, ?, ?, 0, ?, ?, 'fixture', 'fixture')""")
                        .params(id + "-" + k, id, CLOCKS[k], received, due, state, changed).update();
                if (state.equals("BREACHED") && random.nextBoolean()) {
                    jdbc.sql("""
                            INSERT INTO case_escalation (case_id, escalation_level, kind, escalated_at, escalated_to)
                            VALUES (?, ?, ?, ?, 'supervisors')""")
                            .params(id, 1 + random.nextInt(2), ESCALATIONS[random.nextInt(ESCALATIONS.length)], due)
                            .update();
                }
            }
            if (closed != null && random.nextBoolean()) {
                boolean answered = random.nextInt(4) > 0;
                jdbc.sql("""
                        INSERT INTO survey (id, case_id, customer_id, channel, category, owning_group, reply_code, status,
                               invited_at, answered_at, score, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params("S" + id, id, customerId, channel, category, group, "R19-%05d".formatted(i),
                                answered ? "ANSWERED" : "EXPIRED", closed, answered ? closed.plusDays(2) : null,
                                answered ? 1 + random.nextInt(5) : null, closed, closed)
                        .update();
            }
        }
    }

    private static void step(JdbcClient jdbc, String caseId, String customerId, String kind, String outcome,
            String rootCause, String justified, BigDecimal amount, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO case_step (case_id, customer_id, kind, activity_id, actor, actor_group, occurred_at, outcome,
                       root_cause, justified, amount, details)
                VALUES (?, ?, ?, 'fixture', 'fixture', 'customer-service', ?, ?, ?, ?, ?, '{}')""")
                .params(caseId, customerId, kind, at, outcome, rootCause, justified, amount).update();
    }

    private static OffsetDateTime at(LocalDateTime local) {
        return local.atZone(EngineClock.ZONE).toOffsetDateTime();
    }

    private ServiceReportFixture() {
    }
}
