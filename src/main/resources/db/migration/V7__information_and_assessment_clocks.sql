-- ASSESS_ASK_INFO: what the health team asked for, and what arrived when.
ALTER TABLE flex_claims ADD COLUMN information_needed VARCHAR(30);
ALTER TABLE flex_claims ADD COLUMN information_received_kind VARCHAR(30);
ALTER TABLE flex_claims ADD COLUMN information_received_at TIMESTAMP WITH TIME ZONE;

-- The assessment's clocks (SLA_ASSESS_1WD, SLA_TRAUMA_ASSESS_1H) run on the claim's process: a claim
-- assessed again after the information arrived has a clock per assessment, one running at a time.
ALTER TABLE flex_sla_clocks DROP CONSTRAINT flex_sla_clocks_process;
CREATE INDEX flex_sla_clocks_process ON flex_sla_clocks (process_instance_id);
