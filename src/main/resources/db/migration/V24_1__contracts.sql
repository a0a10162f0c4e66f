-- Contracts of non-residential customers (issue 24): supply, green-power and demand-response
-- agreements, and the outcome of each one's renewal conversation. A renewal or change is a new
-- contract that follows the old one (previous_contract_id).
CREATE SEQUENCE contract_number_seq START WITH 1;

CREATE TABLE customer_contract (
    id                         VARCHAR(20)    PRIMARY KEY,
    customer_id                VARCHAR(32)    NOT NULL REFERENCES customer (id),
    kind                       VARCHAR(20)    NOT NULL,
    starts_on                  DATE           NOT NULL,
    term_years                 INTEGER        NOT NULL,
    -- the last day the contract runs
    ends_on                    DATE           NOT NULL,
    renewal_terms              VARCHAR(20)    NOT NULL,
    contracted_capacity_kva    NUMERIC(12, 2) NOT NULL,
    price_basis                VARCHAR(20)    NOT NULL,
    -- ACTIVE, RENEWED (followed by another), LOST (the customer leaves at its end), EXPIRED (ended undecided)
    status                     VARCHAR(20)    NOT NULL,
    owning_group               VARCHAR(40)    NOT NULL,
    previous_contract_id       VARCHAR(20)    REFERENCES customer_contract (id),
    renewal_process_instance_id VARCHAR(64),
    created_by                 VARCHAR(64)    NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX customer_contract_customer_idx ON customer_contract (customer_id, starts_on);

-- What the renewal conversation decided: once per contract.
CREATE TABLE contract_renewal (
    contract_id        VARCHAR(20)    PRIMARY KEY REFERENCES customer_contract (id),
    outcome            VARCHAR(20)    NOT NULL,
    new_contract_id    VARCHAR(20)    REFERENCES customer_contract (id),
    new_term_years     INTEGER,
    lost_reason        VARCHAR(40),
    note               VARCHAR(2000),
    decided_by         VARCHAR(64)    NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
