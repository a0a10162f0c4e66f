-- Service requests: what the customer asked for beyond the case record (the type's details as JSON,
-- the documents received so far) and, for requests GridCare opens itself, what triggered them.
CREATE TABLE service_request (
    case_id         VARCHAR(20)   PRIMARY KEY REFERENCES service_case (id),
    request_type    VARCHAR(30)   NOT NULL,
    details         VARCHAR(8000) NOT NULL,
    documents       VARCHAR(1000) NOT NULL,
    proactive       BOOLEAN       NOT NULL,
    -- one proactive request per trigger (e.g. METER_TEST:<customer>:2026-10), however often the data arrives
    trigger_key     VARCHAR(100)  UNIQUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
