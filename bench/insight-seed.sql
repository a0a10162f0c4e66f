-- Seeds ${CASES} cases for bench/insight.sh on PostgreSQL, received evenly from 2024-01-01 up to now (Beijing
-- time): a third service requests, the rest complaints; most closed within 25 days, some withdrawn, some open;
-- a first-contact clock on every case and a resolution clock on every complaint (met, breached or running);
-- the case record of closed complaints (contact, resolution with root cause, a reopening or goodwill for
-- some); escalations for half the breached first contacts; a survey answer for a fifth of the closed cases.
-- Pseudo-random but repeatable: everything is a function of the case number.
INSERT INTO customer (id, name, customer_class, supply_voltage_kv, contracted_capacity_kva, contract_start,
       critical_load, priority_care, green_preference, area, preferred_channel, created_at, updated_at)
SELECT 'BENCH-' || i, 'Bench customer ' || i, 'RESIDENTIAL', 0.22, 8, DATE '2020-01-01', FALSE, FALSE, FALSE,
       'URBAN', 'SMS', now(), now()
  FROM generate_series(1, 2000) i;

CREATE TEMPORARY TABLE bench_case AS
SELECT i,
       'B' || lpad(i::text, 9, '0') AS id,
       CASE WHEN i % 3 = 0 THEN 'SERVICE_REQUEST' ELSE 'COMPLAINT' END AS kind,
       TIMESTAMPTZ '2024-01-01 00:00+08' + (i::float8 / ${CASES}) * (now() - TIMESTAMPTZ '2024-01-01 00:00+08') AS received,
       (i::bigint * 7919) % 100 AS h,
       1 + (i::bigint * 31) % 600 AS hours_to_close
  FROM generate_series(1, ${CASES}) i;
CREATE INDEX bench_case_id ON bench_case (id);
ANALYZE bench_case;

INSERT INTO service_case (id, kind, customer_id, channel, category, received_at, status, stage, assigned_group,
       closed_at, updated_at)
SELECT id, kind, 'BENCH-' || (1 + i % 2000),
       (ARRAY['HOTLINE', 'WEB', 'APP', 'WECHAT'])[1 + (i / 7) % 4],
       (ARRAY['BILLING', 'METER', 'SUPPLY_INTERRUPTION', 'SERVICE_CONDUCT', 'POWER_QUALITY'])[1 + (i / 3) % 5],
       received,
       CASE WHEN h = 0 OR closing > now() THEN 'OPEN' WHEN h < 5 THEN 'WITHDRAWN' ELSE 'CLOSED' END,
       CASE WHEN h = 0 OR closing > now() THEN 'INVESTIGATION' ELSE 'CLOSED' END,
       (ARRAY['customer-service', 'billing', 'metering', 'field-service', 'key-accounts'])[1 + (i / 11) % 5],
       CASE WHEN h = 0 OR closing > now() THEN NULL ELSE closing END,
       received
  FROM (SELECT *, received + hours_to_close * INTERVAL '1 hour' AS closing FROM bench_case) c;

INSERT INTO case_clock (id, case_id, clock_name, calendar_id, target_amount, target_unit, target_millis, pausable,
       started_at, due_at, paused_millis, state, state_changed_at, catalogue_row, source)
SELECT id || '-F', id, 'COMPLAINT_FIRST_CONTACT', 'china-workdays', 1, 'WORKING_DAYS', 28800000, FALSE, received,
       received + INTERVAL '24 hours', 0,
       CASE WHEN received + INTERVAL '24 hours' > now() THEN 'RUNNING' WHEN h % 5 = 1 THEN 'BREACHED' ELSE 'MET' END,
       CASE WHEN received + INTERVAL '24 hours' > now() THEN received
            WHEN h % 5 = 1 THEN received + INTERVAL '24 hours' ELSE received + (1 + h % 20) * INTERVAL '1 hour' END,
       'bench', 'bench'
  FROM bench_case;

INSERT INTO case_clock (id, case_id, clock_name, calendar_id, target_amount, target_unit, target_millis, pausable,
       started_at, due_at, paused_millis, state, state_changed_at, catalogue_row, source)
SELECT id || '-R', id, 'COMPLAINT_RESOLUTION', 'china-workdays', 5, 'WORKING_DAYS', 144000000, TRUE, received,
       received + INTERVAL '7 days', 0,
       CASE WHEN received + INTERVAL '7 days' > now() THEN 'RUNNING' WHEN hours_to_close > 480 THEN 'BREACHED' ELSE 'MET' END,
       CASE WHEN received + INTERVAL '7 days' > now() THEN received
            WHEN hours_to_close > 480 THEN received + INTERVAL '7 days' ELSE received + hours_to_close * INTERVAL '1 hour' END,
       'bench', 'bench'
  FROM bench_case WHERE kind = 'COMPLAINT';

INSERT INTO case_step (case_id, customer_id, kind, activity_id, actor, actor_group, occurred_at, outcome, details)
SELECT c.id, c.customer_id, 'CONTACT', 'Task_ContactCustomer', 'bench', c.assigned_group,
       c.received_at + INTERVAL '2 hours', 'REACHED', '{}'
  FROM service_case c WHERE c.id LIKE 'B%' AND c.kind = 'COMPLAINT' AND c.status = 'CLOSED';

INSERT INTO case_step (case_id, customer_id, kind, activity_id, actor, actor_group, occurred_at, outcome, root_cause,
       justified, details)
SELECT c.id, c.customer_id, 'RESOLUTION', 'Task_ResolveComplaint', 'bench', c.assigned_group,
       c.closed_at - INTERVAL '1 hour', 'RESOLVED',
       (ARRAY['METER_READING', 'TARIFF_OR_BILLING', 'NETWORK_FAULT', 'STAFF_CONDUCT'])[1 + (b.h / 3) % 4],
       (ARRAY['JUSTIFIED', 'PARTLY_JUSTIFIED', 'NOT_JUSTIFIED'])[1 + b.h % 3], '{}'
  FROM service_case c JOIN bench_case b ON b.id = c.id WHERE c.kind = 'COMPLAINT' AND c.status = 'CLOSED';

INSERT INTO case_step (case_id, customer_id, kind, activity_id, actor, actor_group, occurred_at, outcome, details)
SELECT c.id, c.customer_id, 'REOPENED', 'ReopenComplaint', 'system', NULL, c.closed_at - INTERVAL '2 hours',
       'REOPENED', '{}'
  FROM service_case c JOIN bench_case b ON b.id = c.id
 WHERE c.kind = 'COMPLAINT' AND c.status = 'CLOSED' AND b.h % 12 = 7;

INSERT INTO case_step (case_id, customer_id, kind, activity_id, actor, actor_group, occurred_at, outcome, amount,
       details)
SELECT c.id, c.customer_id, 'GOODWILL_DECISION', 'Task_ApproveCompensation', 'bench', 'supervisors',
       c.closed_at - INTERVAL '90 minutes', CASE WHEN b.h % 2 = 0 THEN 'APPROVED' ELSE 'REFUSED' END,
       50 + b.h * 5, '{}'
  FROM service_case c JOIN bench_case b ON b.id = c.id
 WHERE c.kind = 'COMPLAINT' AND c.status = 'CLOSED' AND b.h % 10 = 4;

INSERT INTO case_escalation (case_id, escalation_level, kind, escalated_at, escalated_to)
SELECT case_id, 2, 'FIRST_CONTACT_BREACH', due_at, 'supervisors'
  FROM case_clock WHERE id LIKE 'B%-F' AND state = 'BREACHED' AND ascii(right(case_id, 1)) % 2 = 0;

INSERT INTO survey (id, case_id, customer_id, channel, category, owning_group, reply_code, status, invited_at,
       answered_at, score, created_at, updated_at)
SELECT 'S' || c.id, c.id, c.customer_id, c.channel, c.category, c.assigned_group, 'R' || substr(c.id, 2),
       'ANSWERED', c.closed_at, c.closed_at + INTERVAL '2 days', 1 + b.h % 5, c.closed_at, c.closed_at
  FROM service_case c JOIN bench_case b ON b.id = c.id
 WHERE c.status = 'CLOSED' AND b.i % 5 = 0 AND c.closed_at + INTERVAL '2 days' < now();

ANALYZE;
