-- The monthly service report's rollups (issue 18): the rows of each section of a closed month, per filter, kept
-- once computed (a closed month's facts no longer change) so that the report of a past month is read, not
-- recomputed. `version` names the section's shape and the rules that summed it; another version is recomputed.
CREATE TABLE service_report_rollup (
    report_month VARCHAR(7)    NOT NULL,
    filters      VARCHAR(200)  NOT NULL,
    section_id   VARCHAR(40)   NOT NULL,
    version      VARCHAR(64)   NOT NULL,
    rows_json    TEXT          NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (report_month, filters, section_id)
);
