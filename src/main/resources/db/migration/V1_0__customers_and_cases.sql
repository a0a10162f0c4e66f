-- GridCare's own tables. Camunda owns its ACT_* tables; Flyway owns these.
-- Written in the SQL that both PostgreSQL and H2 accept.

CREATE TABLE customer (
    id                       VARCHAR(32)    PRIMARY KEY,
    name                     VARCHAR(200)   NOT NULL,
    customer_class           VARCHAR(20)    NOT NULL,
    supply_voltage_kv        NUMERIC(8, 3)  NOT NULL,
    contracted_capacity_kva  NUMERIC(12, 2) NOT NULL,
    contract_start           DATE           NOT NULL,
    contract_term_years      INTEGER,
    critical_load            BOOLEAN        NOT NULL,
    priority_care            BOOLEAN        NOT NULL,
    green_preference         BOOLEAN        NOT NULL,
    green_plan_since         DATE,
    area                     VARCHAR(10)    NOT NULL,
    preferred_channel        VARCHAR(10)    NOT NULL,
    phone                    VARCHAR(40),
    email                    VARCHAR(200),
    address                  VARCHAR(400),
    -- the latest evaluation by the customer rules
    tier                     VARCHAR(20),
    flags                    VARCHAR(200)   NOT NULL DEFAULT '',
    segments                 VARCHAR(200)   NOT NULL DEFAULT '',
    evaluated_at             TIMESTAMP WITH TIME ZONE,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX customer_tier_idx ON customer (tier);

CREATE TABLE customer_consumption (
    customer_id    VARCHAR(32)    NOT NULL REFERENCES customer (id),
    billing_month  DATE           NOT NULL,
    kwh            NUMERIC(14, 2) NOT NULL,
    billed_amount  NUMERIC(14, 2) NOT NULL,
    paid_on_time   BOOLEAN        NOT NULL,
    PRIMARY KEY (customer_id, billing_month)
);

CREATE SEQUENCE complaint_number_seq START WITH 1;
CREATE SEQUENCE service_request_number_seq START WITH 1;

-- A case is a complaint or a service request; the process instance works on it.
CREATE TABLE service_case (
    id                   VARCHAR(20)   PRIMARY KEY,
    kind                 VARCHAR(20)   NOT NULL,
    customer_id          VARCHAR(32)   NOT NULL REFERENCES customer (id),
    channel              VARCHAR(10)   NOT NULL,
    category             VARCHAR(30)   NOT NULL,
    description          VARCHAR(4000),
    contact_phone        VARCHAR(40),
    occurred_at          TIMESTAMP WITH TIME ZONE,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id  VARCHAR(64),
    status               VARCHAR(20)   NOT NULL,
    stage                VARCHAR(40)   NOT NULL,
    tier                 VARCHAR(20),
    assigned_group       VARCHAR(40),
    priority             INTEGER,
    outcome              VARCHAR(40),
    closed_at            TIMESTAMP WITH TIME ZONE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX service_case_customer_idx ON service_case (customer_id, received_at);

-- Answers of POST requests made with an Idempotency-Key, so that a retry gets the first answer.
CREATE TABLE idempotent_request (
    scope          VARCHAR(40)   NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash   VARCHAR(64)   NOT NULL,
    status         INTEGER       NOT NULL,
    response_body  VARCHAR(8000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
