-- Every decision taken by the rules: what went in, what came out, which rules fired, under which rule-set version.
CREATE TABLE decision (
    id            VARCHAR(36)    PRIMARY KEY,
    kind          VARCHAR(40)    NOT NULL,
    subject_type  VARCHAR(20)    NOT NULL,
    subject_id    VARCHAR(40)    NOT NULL,
    customer_id   VARCHAR(32),
    rule_version  VARCHAR(20)    NOT NULL,
    fired_rules   VARCHAR(2000)  NOT NULL,
    inputs        VARCHAR(8000)  NOT NULL,
    outputs       VARCHAR(8000)  NOT NULL,
    explanation   VARCHAR(1000),
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX decision_customer_idx ON decision (customer_id, decided_at);
CREATE INDEX decision_subject_idx ON decision (subject_type, subject_id);
