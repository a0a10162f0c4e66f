-- Survey campaigns (issue 24): each launched campaign runs a survey-campaign process (reminder, then expiry at
-- the window's end); what it did to each invitation is kept on the invitation.
ALTER TABLE survey_campaign ADD COLUMN process_instance_id VARCHAR(64);
ALTER TABLE survey_campaign ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE survey_campaign ADD COLUMN expired_at TIMESTAMP WITH TIME ZONE;

-- reminder_status: SENT, or NO_CONSENT when the customer had withdrawn marketing consent by then (no reminder)
ALTER TABLE survey_campaign_invitation ADD COLUMN reminder_status VARCHAR(20);
ALTER TABLE survey_campaign_invitation ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE survey_campaign_invitation ADD COLUMN expired_at TIMESTAMP WITH TIME ZONE;

-- A campaign answer with a score of 1 or 2 asks the survey team to call the customer (campaign-recovery-call);
-- the call's outcome is kept here: reached or not, and what the customer said.
CREATE TABLE survey_campaign_recovery_call (
    campaign_id          VARCHAR(20)   NOT NULL REFERENCES survey_campaign (id),
    customer_id          VARCHAR(32)   NOT NULL REFERENCES customer (id),
    lowest_score         INTEGER       NOT NULL,
    low_questions        VARCHAR(100)  NOT NULL,
    process_instance_id  VARCHAR(64),
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    customer_reached     BOOLEAN,
    call_notes           VARCHAR(2000),
    called_by            VARCHAR(64),
    called_at            TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, customer_id)
);
