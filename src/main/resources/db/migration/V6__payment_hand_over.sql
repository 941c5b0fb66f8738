-- Payments are an outbox too (ADR 0008): recorded with the settlement, handed to the bank after the
-- commit, and handed over again until the bank's side has taken them. handed_over_at is null while
-- a payment waits.
ALTER TABLE flex_payments ADD COLUMN handed_over_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE flex_payments ADD COLUMN hand_over_attempts INTEGER DEFAULT 0 NOT NULL;
UPDATE flex_payments SET handed_over_at = created_at;
CREATE INDEX flex_payments_hand_over ON flex_payments (handed_over_at, payment_id);
