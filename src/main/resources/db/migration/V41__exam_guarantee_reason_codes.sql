-- SLA_EXAM_10WD: the seven reason codes of coverage-rules.md section 8.
-- The three lapse reasons stored before them get their codes:
UPDATE flex_sla_clocks SET lapse_reason = 'EXAM_OFFER_DECLINED' WHERE lapse_reason = 'INSURED_DECLINED_DATE';
UPDATE flex_sla_clocks SET lapse_reason = 'EXAM_LATER_WISH' WHERE lapse_reason = 'INSURED_ASKED_LATER';
UPDATE flex_sla_clocks SET lapse_reason = 'EXAM_POSTPONED_MEDICAL' WHERE lapse_reason = 'POSTPONED_MEDICAL';

-- EXAM_CAPACITY is no lapse but an extension: the clock runs on to its new deadline (due_at);
--   extension_reason         EXAM_CAPACITY
--   extended_at              when the (last) extension was recorded
--   due_at_before_extension  the deadline before the first extension
ALTER TABLE flex_sla_clocks ADD COLUMN extension_reason VARCHAR(40);
ALTER TABLE flex_sla_clocks ADD COLUMN extended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE flex_sla_clocks ADD COLUMN due_at_before_extension TIMESTAMP WITH TIME ZONE;
