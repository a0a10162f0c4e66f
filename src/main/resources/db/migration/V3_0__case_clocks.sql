-- SLA clocks per case (issue 4): one row per case and clock with its target, warning and due date,
-- the working time it stood paused, and its state; and every change of state, never deleted.
CREATE TABLE case_clock (
    id                  VARCHAR(36)    PRIMARY KEY,
    case_id             VARCHAR(20)    NOT NULL REFERENCES service_case (id),
    clock_name          VARCHAR(40)    NOT NULL,
    calendar_id         VARCHAR(40)    NOT NULL,
    target_amount       NUMERIC(10, 2) NOT NULL,
    target_unit         VARCHAR(20)    NOT NULL,
    -- the target and the warning as working time of the calendar, in milliseconds from the start
    target_millis       BIGINT         NOT NULL,
    warn_after_millis   BIGINT,
    pausable            BOOLEAN        NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    warn_at             TIMESTAMP WITH TIME ZONE,
    due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    paused_millis       BIGINT         NOT NULL,
    paused_at           TIMESTAMP WITH TIME ZONE,
    state               VARCHAR(10)    NOT NULL,
    state_before_pause  VARCHAR(10),
    state_changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE,
    catalogue_row       VARCHAR(200)   NOT NULL,
    source              VARCHAR(400)   NOT NULL,
    decision_id         VARCHAR(36),
    CONSTRAINT case_clock_per_case UNIQUE (case_id, clock_name)
);

CREATE INDEX case_clock_open_idx ON case_clock (state, due_at);

CREATE TABLE case_clock_state (
    clock_id    VARCHAR(36)   NOT NULL REFERENCES case_clock (id),
    seq         INTEGER       NOT NULL,
    state       VARCHAR(10)   NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the due date from this change on (it moves with pauses)
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    note        VARCHAR(400),
    PRIMARY KEY (clock_id, seq)
);
