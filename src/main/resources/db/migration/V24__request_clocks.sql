-- A request's callback clock (REQ_CALLBACK) is a row of flex_sla_clocks like a claim's: GET /api/sla,
-- the Prometheus gauges and the calendar recalculation see it. A clock belongs to a claim or to a
-- request.
ALTER TABLE flex_sla_clocks ALTER COLUMN claim_number DROP NOT NULL;
ALTER TABLE flex_sla_clocks ADD COLUMN request_number VARCHAR(20);
ALTER TABLE flex_sla_clocks ADD CONSTRAINT flex_sla_clocks_request
    FOREIGN KEY (request_number) REFERENCES flex_requests (request_number);
ALTER TABLE flex_sla_clocks ADD CONSTRAINT flex_sla_clocks_subject
    CHECK (claim_number IS NOT NULL OR request_number IS NOT NULL);
