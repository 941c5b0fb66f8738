-- Resettlement of an invoice after an upheld complaint about its settlement (COMPLAINT_REOPENS):
-- finance sets the corrected total; only the difference to what was paid is paid, once.
--
-- flex_payments: an invoice's own settlement is its payment 0; each resettlement adds the next
-- number. The unique pair keeps "paid once" for each of them.
ALTER TABLE flex_payments DROP CONSTRAINT flex_payments_once;
ALTER TABLE flex_payments ADD COLUMN payment_seq INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE flex_payments ADD CONSTRAINT flex_payments_once UNIQUE (invoice_id, payment_seq);

-- One resettlement per complaint (a retry finds it and pays nothing more).
--   paid_before, paid_after  the invoice's paid total before and after, DKK
--   payment_id               the payment of the difference; null when nothing more is paid
CREATE TABLE flex_resettlements (
    complaint_number  VARCHAR(20)    NOT NULL PRIMARY KEY REFERENCES flex_complaints (complaint_number),
    invoice_id        BIGINT         NOT NULL REFERENCES flex_invoices (invoice_id),
    paid_before       NUMERIC(12, 2) NOT NULL,
    paid_after        NUMERIC(12, 2) NOT NULL,
    payment_id        BIGINT         REFERENCES flex_payments (payment_id),
    resettled_by      VARCHAR(100)   NOT NULL,
    resettled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT flex_resettlements_not_lower CHECK (paid_after >= paid_before)
);
CREATE INDEX flex_resettlements_invoice ON flex_resettlements (invoice_id);
