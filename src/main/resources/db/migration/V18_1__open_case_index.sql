-- gridcare_cases_open counts the open cases by kind, stage and group every 15 seconds (issue 18).
CREATE INDEX service_case_status_idx ON service_case (status, kind);
