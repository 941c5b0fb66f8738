-- Requests that are not claims (coverage-rules.md section 11): advice callbacks and second
-- opinions. Request number R-<year>-<6 digits>, also the request process's business key. No
-- coverage check, limit, ledger row or invoice ever refers to a request.
--   question      the insured's question as sent (may hold health details: never logged, never a
--                 process variable that history keeps)
--   callback_due_at  when we call (back) at the latest (REQ_CALLBACK; for a second opinion moved
--                 to the end of the next working day after the doctor's review)
--   attempts      calls made so far (at most 3); each in flex_request_attempts
CREATE TABLE flex_requests (
    request_number       VARCHAR(20)  NOT NULL PRIMARY KEY,
    policy_number        VARCHAR(9)   NOT NULL REFERENCES flex_policies (policy_number),
    person_id            VARCHAR(12)  NOT NULL REFERENCES flex_insured_persons (person_id),
    kind                 VARCHAR(20)  NOT NULL,
    question             TEXT         NOT NULL,
    phone                VARCHAR(30)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    callback_due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts             INTEGER      DEFAULT 0 NOT NULL,
    outcome              VARCHAR(20),
    closed_at            TIMESTAMP WITH TIME ZONE,
    process_instance_id  VARCHAR(64)
);
CREATE INDEX flex_requests_policy ON flex_requests (policy_number);

CREATE TABLE flex_request_attempts (
    request_number  VARCHAR(20)  NOT NULL REFERENCES flex_requests (request_number),
    attempt_no      INTEGER      NOT NULL,
    called_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome         VARCHAR(20)  NOT NULL,
    called_by       VARCHAR(100),
    PRIMARY KEY (request_number, attempt_no)
);

-- A request's letters (records request, second-opinion summary, not reached) are listed on it.
ALTER TABLE flex_letters ADD COLUMN request_number VARCHAR(20) REFERENCES flex_requests (request_number);
CREATE INDEX flex_letters_request ON flex_letters (request_number);
