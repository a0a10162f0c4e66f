-- Survey campaigns (issue 24): a questionnaire sent to a sample of a target group within a window.
-- Invitations count for the survey suppression rules like the surveys after a case.
CREATE SEQUENCE survey_campaign_number_seq START WITH 1;

CREATE TABLE survey_campaign (
    id              VARCHAR(20)   PRIMARY KEY,
    name_en         VARCHAR(200)  NOT NULL,
    name_zh         VARCHAR(200)  NOT NULL,
    target_tier     VARCHAR(20),
    target_segment  VARCHAR(20),
    target_class    VARCHAR(20),
    target_area     VARCHAR(10),
    sample_size     INTEGER       NOT NULL,
    opens_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    launched_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE survey_campaign_question (
    campaign_id   VARCHAR(20)   NOT NULL REFERENCES survey_campaign (id),
    question_no   INTEGER       NOT NULL,
    kind          VARCHAR(10)   NOT NULL,
    text_en       VARCHAR(500)  NOT NULL,
    text_zh       VARCHAR(500)  NOT NULL,
    PRIMARY KEY (campaign_id, question_no)
);

-- One row per customer the campaign selected: INVITED, ANSWERED, SUPPRESSED (by the rules, with the
-- reason and decision) or NO_CONSENT. The segments are those the customer had when selected.
CREATE TABLE survey_campaign_invitation (
    campaign_id   VARCHAR(20)   NOT NULL REFERENCES survey_campaign (id),
    customer_id   VARCHAR(32)   NOT NULL REFERENCES customer (id),
    status        VARCHAR(20)   NOT NULL,
    reply_code    VARCHAR(12)   UNIQUE,
    reason        VARCHAR(400),
    decision_id   VARCHAR(36),
    segments      VARCHAR(200)  NOT NULL,
    invited_at    TIMESTAMP WITH TIME ZONE,
    answered_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, customer_id)
);

CREATE INDEX survey_campaign_invitation_customer_idx ON survey_campaign_invitation (customer_id, invited_at);

CREATE TABLE survey_campaign_answer (
    campaign_id   VARCHAR(20)   NOT NULL REFERENCES survey_campaign (id),
    customer_id   VARCHAR(32)   NOT NULL REFERENCES customer (id),
    question_no   INTEGER       NOT NULL,
    score         INTEGER,
    answer_text   VARCHAR(2000),
    PRIMARY KEY (campaign_id, customer_id, question_no)
);
