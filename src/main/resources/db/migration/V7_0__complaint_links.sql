-- Repeat complaints: a complaint is linked to the same customer's earlier complaints in the same
-- category within 30 days (the routing rules count them; the third goes to supervisors).
CREATE TABLE case_link (
    case_id         VARCHAR(20)   NOT NULL REFERENCES service_case (id),
    linked_case_id  VARCHAR(20)   NOT NULL REFERENCES service_case (id),
    reason          VARCHAR(40)   NOT NULL,
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, linked_case_id)
);

CREATE INDEX case_link_linked_idx ON case_link (linked_case_id);
