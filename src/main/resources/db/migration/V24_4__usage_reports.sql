-- Personal usage reports (issue 24): monthly for customers who consent to advice, quarterly for key
-- accounts. One row per customer and period holds the figures as computed when the report was made
-- (so a report sent says the same when looked up later); the median of the customer's class and area
-- per period is kept once per class and area. A run of a period is recorded to show what it did.
CREATE TABLE usage_median (
    period          VARCHAR(7)     NOT NULL,
    customer_class  VARCHAR(20)    NOT NULL,
    area            VARCHAR(10)    NOT NULL,
    median_kwh      NUMERIC(16, 2) NOT NULL,
    customers       INTEGER        NOT NULL,
    PRIMARY KEY (period, customer_class, area)
);

CREATE TABLE usage_report (
    customer_id          VARCHAR(32)    NOT NULL,
    period               VARCHAR(7)     NOT NULL,
    kind                 VARCHAR(10)    NOT NULL,
    customer_class       VARCHAR(20)    NOT NULL,
    area                 VARCHAR(10)    NOT NULL,
    tier                 VARCHAR(20),
    segments             VARCHAR(200)   NOT NULL,
    channel              VARCHAR(10)    NOT NULL,
    kwh                  NUMERIC(16, 2) NOT NULL,
    kwh_last_year        NUMERIC(16, 2),
    class_median_kwh     NUMERIC(16, 2),
    months_12            INTEGER        NOT NULL,
    kwh_12               NUMERIC(16, 2) NOT NULL,
    max_month_kwh_12     NUMERIC(16, 2) NOT NULL,
    summer_kwh_12        NUMERIC(16, 2) NOT NULL,
    winter_kwh_12        NUMERIC(16, 2) NOT NULL,
    billed_12            NUMERIC(16, 2) NOT NULL,
    late_bills_12        INTEGER        NOT NULL,
    advice               VARCHAR(40),
    advice_rule          VARCHAR(300),
    rule_version         VARCHAR(20),
    status               VARCHAR(12)    NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    queued_at            TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (customer_id, period)
);

CREATE INDEX usage_report_period_idx ON usage_report (period, status, customer_id);

CREATE TABLE usage_run (
    period        VARCHAR(7)     PRIMARY KEY,
    kind          VARCHAR(10)    NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    reports       INTEGER        NOT NULL DEFAULT 0,
    queued        INTEGER        NOT NULL DEFAULT 0,
    not_queued    INTEGER        NOT NULL DEFAULT 0,
    started_by    VARCHAR(64)    NOT NULL
);
