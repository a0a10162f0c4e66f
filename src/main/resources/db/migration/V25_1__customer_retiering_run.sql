-- The night's re-tiering of every customer (NightRetiering): one row a night, inserted by the node that runs it,
-- so that on several nodes the night runs once; its figures say what the run did.
CREATE TABLE customer_retiering_run (
    night        DATE PRIMARY KEY,
    rule_version VARCHAR(20)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    customers    INTEGER,
    tier_changes INTEGER,
    unrated      INTEGER
);
