-- A closed month's service report summed ahead, each night (insight.ReportRollups): the dashboard and the monthly
-- report of that month read these few thousand sums instead of summing the month's cases, clocks and steps again.
CREATE TABLE service_report_month (
    report_month CHAR(7) PRIMARY KEY,
    computed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    cells       INTEGER NOT NULL,
    millis      INTEGER NOT NULL
);

-- One row of one section for the cases of one group, category, channel and tier (what the report filters by;
-- case_fact false: the sums of facts of no case, such as customers by tier). sums and counts: one number per figure,
-- comma-separated (counts: the facts that had a value, for averages).
CREATE TABLE service_report_cell (
    report_month CHAR(7) NOT NULL REFERENCES service_report_month (report_month) ON DELETE CASCADE,
    section    VARCHAR(40) NOT NULL,
    row_key    VARCHAR(1000) NOT NULL,
    case_fact  BOOLEAN NOT NULL,
    case_group VARCHAR(64),
    category   VARCHAR(64),
    channel    VARCHAR(20),
    tier       VARCHAR(20),
    sums       VARCHAR(4000) NOT NULL,
    counts     VARCHAR(2000) NOT NULL
);
CREATE INDEX service_report_cell_month ON service_report_cell (report_month);
