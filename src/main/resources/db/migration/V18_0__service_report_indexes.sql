-- The monthly service report and dashboard (issue 18) read a month of cases, clocks and escalations by the
-- time they were received, closed, decided or raised. SQL that both PostgreSQL and H2 accept.
CREATE INDEX service_case_received_idx ON service_case (received_at);
CREATE INDEX service_case_closed_idx ON service_case (closed_at);
CREATE INDEX case_clock_decided_idx ON case_clock (state_changed_at);
CREATE INDEX case_escalation_at_idx ON case_escalation (escalated_at);
