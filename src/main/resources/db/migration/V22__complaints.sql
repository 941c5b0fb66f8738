-- Complaints about a claim's decision (coverage-rules.md section 12): complaint number
-- K-<year>-<6 digits>, also the complaint process's business key.
--   complaint_text, reasons   the insured's complaint and the handler's reasons (may hold health
--                             details: never logged, never kept in process history)
--   subject                   REJECTION or SETTLEMENT: what an upheld complaint reopens
--   due_at                    end of the 7th working day after receipt (SLA_COMPLAINT_7WD); the
--                             clock itself is a row of flex_sla_clocks
--   handled_by, reviewed_by   the two persons of the complaints team (four eyes, never the same)
--   remedy                    what the outcome did to the claim: REASSESS, RESETTLE or NONE
CREATE TABLE flex_complaints (
    complaint_number     VARCHAR(20)  NOT NULL PRIMARY KEY,
    claim_number         VARCHAR(20)  NOT NULL REFERENCES flex_claims (claim_number),
    policy_number        VARCHAR(9)   NOT NULL REFERENCES flex_policies (policy_number),
    person_id            VARCHAR(12)  NOT NULL,
    complaint_text       TEXT         NOT NULL,
    received_on          DATE         NOT NULL,
    subject              VARCHAR(12)  NOT NULL,
    status               VARCHAR(30)  NOT NULL,
    due_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome              VARCHAR(20),
    reasons              TEXT,
    handled_by           VARCHAR(100),
    reviewed_by          VARCHAR(100),
    remedy               VARCHAR(10),
    letter_id            BIGINT       REFERENCES flex_letters (letter_id),
    decided_at           TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id  VARCHAR(64)
);
CREATE INDEX flex_complaints_claim ON flex_complaints (claim_number);
